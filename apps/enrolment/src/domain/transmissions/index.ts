/** Silence detection and observance of an enrolment's transmissions: pure, the time and the interval passed in. */
export * from './expected-interval';
export * from './transmission-marks';
export * from './silence';
export * from './transmission-plan';
export * from './silence-sweep';
export * from './monitoring-stop';
export * from './transmission-days';
export * from './observance';
export * from './silence-ids';
