export * from './outbox/outbox-message';
export * from './outbox/outbox.migration';
export * from './outbox/outbox-signal';
