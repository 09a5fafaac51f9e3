export * from './event-envelope';
export * from './topics';
export * from './roles';
export * from './error-codes';
export * from './api-shapes';
export * from './audit-entry';
export * from './domain-error';
export * from './vocabulary';
