export * from './gateway-client';
export * from './actors';
export * from './identifiers';
export * from './workflow-steps';
export type * from './api-views';
export * from './fhir-steps';
