export * from './privacy-errors';
export * from './master-keys';
export * from './master-key-wrapper';
export * from './configured-master-keys';
export * from './data-key';
export * from './field-aad';
export * from './personal-field';
export * from './sealed-text';
