export * from './audit-hash';
export * from './chain';
export * from './hex';
export * from './merkle';
export * from './merkle-verify';
export * from './merkle-node-plan';
export * from './merkle-node-reader';
export * from './tree-head';
