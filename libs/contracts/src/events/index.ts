export * from './event-contract';
export * from './device-certification.v1';
export * from './prescription.v1';
export * from './audit.v1';
export * from './patients.v1';
export * from './enrolment.v1';
export * from './claims.v1';
export * from './notifications.v1';
