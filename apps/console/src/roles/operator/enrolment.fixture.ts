import type { Enrolment } from './enrolment-api';

/** An enrolment as the API answers it right after the prescription: waiting for everything. */
export const pendingEnrolment = (overrides: Partial<Enrolment> = {}): Enrolment => ({
  id: '01970000-0000-7000-8000-000000000001',
  status: 'PENDING_CONSENT',
  version: 1,
  prescriptionId: '01970000-0000-7000-8000-000000000002',
  deviceId: '01970000-0000-7000-8000-000000000003',
  operatorOrg: 'operator-1',
  rights: { status: 'PENDING' },
  prescribedUdiDi: '03760012345675',
  incidents: [],
  ...overrides,
});

export const givenConsent = {
  id: 'c1',
  decision: 'GIVEN',
  consentTextVersion: 'tlsm-2026.1',
  method: 'PAPER',
  signedAt: '2026-03-02T07:00:00.000Z',
  signedBy: 'PATIENT',
} as const;
