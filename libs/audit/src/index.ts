export * from './audit-hash';
