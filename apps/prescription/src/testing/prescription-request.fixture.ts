import { randomNir } from '@app/testing';

/** A synthetic, valid NIR: a new patient each call (libs/testing, shared by every service's tests). */
export { randomNir };

export const prescriptionBody = (deviceId: string, overrides: Record<string, unknown> = {}) => ({
  patient: { nir: randomNir(), birthDate: '1984-03-02', homeCellularCoverage: 'GOOD', ald: true },
  deviceId,
  indication: 'HEART_FAILURE',
  operatorOrg: 'operator-telecardio',
  monitoringMode: 'PERIODIC',
  durationMonths: 6,
  clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true, ntProBnpPgMl: 1800 },
  ...overrides,
});
