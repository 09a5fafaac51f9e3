import { nirKey } from '@app/fr-health';
import { randomInt } from 'node:crypto';

/** A synthetic, valid NIR of a man born in March 1984 in Paris: a new patient each call. */
export function randomNir(): string {
  const first13 = `18403751${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}

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
