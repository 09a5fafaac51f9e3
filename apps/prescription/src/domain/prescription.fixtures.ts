import type { DeviceFacts } from './device-facts/certification-fact';
import type { EvaluationInput } from './has-rules/rule.types';
import { referentialByVersion } from './referential/referentials';
import type { Referential } from './referential/referential.types';

/** Test data for the specs: a cardiologist prescribing a certified heart failure device to an eligible adult. */
export const REFERENTIAL_2026_1 = referentialByVersion('2026.1') as Referential;

export const certifiedDevice = (overrides: Partial<DeviceFacts> = {}): DeviceFacts => ({
  deviceId: '01950000-0000-7000-8000-0000000000d1',
  status: 'CERTIFIED',
  validUntil: '2027-12-31T00:00:00.000Z',
  certifiedIndications: ['HEART_FAILURE', 'IMPLANTED_CARDIAC_DEVICE'],
  connectivity: ['CELLULAR_4G', 'WIFI'],
  udiDi: '03760123450010',
  lppCode: '1612544',
  position: { eventId: '01950000-0000-7000-8000-0000000000e1', version: 3, occurredAt: '2026-01-10T10:00:00.000Z' },
  ...overrides,
});

export const evaluationInput = (overrides: Partial<EvaluationInput> = {}): EvaluationInput => ({
  prescriptionDate: '2026-03-15',
  prescriber: { rpps: '10012345673', specialty: 'cardiology' },
  patient: { birthDate: '1958-06-01', homeCellularCoverage: 'GOOD', ald: true },
  indication: 'HEART_FAILURE',
  monitoringMode: 'PERIODIC',
  durationMonths: 6,
  renewalOf: null,
  startDate: '2026-03-15',
  endDate: '2026-09-14',
  device: certifiedDevice(),
  clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true },
  issuedForSameIndication: [],
  ...overrides,
});
