export * from './test-database';
export * from './kafka-test-client';
export type { CollectedMessage } from './kafka-test-message';
export * from './service-test-app';
export * from './wait-for-job';
export * from './decider-specification';
export * from './http-routes';
export * from './schema-writes';
export * from './free-port';
