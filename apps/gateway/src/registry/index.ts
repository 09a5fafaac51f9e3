export * from './service-registry';
export * from './service-topics';
export * from './load-service-registry';
export * from './service-url';
export * from './route-table';
