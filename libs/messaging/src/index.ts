export * from './outbox/outbox-message';
export * from './outbox/outbox.migration';
