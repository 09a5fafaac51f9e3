import tariffsJson from '../../tariffs/tariffs.json';
import { parseTariffTable, type TariffTable, type TariffVersion } from '../tariffs/tariff-table';
import type { CertificationFact, DeviceFacts, EnrolmentFacts, IncidentFact, PrescriptionFact, TimelineFact, TimelineKind } from './billing-facts';
import type { ClaimPlanInput } from './claim-plan';
import { parsePeriod, type Period } from './period';

/*
 * Test data of billing: a heart-failure patient (ALD-linked) monitored since
 * 18 March 2026 under a prescription of 15 March - 14 September, with a
 * device product certified until 2029 and paid to its exploitant. Every day
 * of April 2026 is billable unless a test says otherwise. Pure data.
 */

export const ENROLMENT_ID = '01950000-0000-7000-8000-0000000000e1';
export const PRESCRIPTION_ID = '01950000-0000-7000-8000-0000000000a1';
export const RENEWAL_ID = '01950000-0000-7000-8000-0000000000a2';
export const DEVICE_ID = '01950000-0000-7000-8000-0000000000d1';
export const CLAIM_ID = '01950000-0000-7000-8000-0000000000c1';
export const CORRECTIVE_CLAIM_ID = '01950000-0000-7000-8000-0000000000c2';
export const BILLING_RUN_ID = '01950000-0000-7000-8000-0000000000b1';
export const UDI_DI = '03612345678904';
export const PSEUDONYM = 'a'.repeat(64);
export const IDENTITY_ENCRYPTED = 'pf1.1.iv.tag.identity-ciphertext';
export const OPERATOR_ORG = 'operator-1';
export const EXPLOITANT_SIRET = '73282932000074';
export const PRESCRIBER_RPPS = '10012345673';
export const RENEWING_PRESCRIBER_RPPS = '10098765436';
export const HEART_FAILURE_LPP = '1612544';

/** The Paris instant of a wall-clock time (`2026-04-10T23:30` summer time is 21:30 UTC). */
export const paris = (wallClock: string, offsetHours: 1 | 2): string =>
  new Date(Date.parse(`${wallClock}:00.000Z`) - offsetHours * 3_600_000).toISOString();

export const periodOf = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(`bad period ${id}`);
  return period;
};

export const APRIL = periodOf('2026-04');

export const TARIFFS: TariffTable = parseTariffTable(tariffsJson);
export const REFERENCE: TariffVersion = TARIFFS.versions[0];

let version = 0;
/** A step of the enrolment's timeline; versions follow the order of the calls. */
export const step = (kind: TimelineKind, at: string): TimelineFact => ({ version: (version += 1), kind, at });

export const incident = (overrides: Partial<IncidentFact> = {}): IncidentFact => ({
  incidentId: '01950000-0000-7000-8000-0000000000f1',
  startedAt: '2026-04-10T08:00:00.000Z',
  endedAt: '2026-04-10T12:00:00.000Z',
  cause: 'UNKNOWN',
  withdrawn: false,
  ...overrides,
});

export const prescriptionFact = (overrides: Partial<PrescriptionFact> = {}): PrescriptionFact => ({
  prescriptionId: PRESCRIPTION_ID,
  status: 'ISSUED',
  startDate: '2026-03-15',
  endDate: '2026-09-14',
  cancelledAt: null,
  ...overrides,
});

/** Consent on the 16th, activation on the 18th of March: monitoring ever since. */
export const activeTimeline = (): TimelineFact[] => [
  step('RIGHTS_OPEN', '2026-03-15T09:01:00.000Z'),
  step('CONSENT_GIVEN', '2026-03-16T10:00:00.000Z'),
  step('ACTIVATED', '2026-03-18T08:00:00.000Z'),
];

export const enrolmentFacts = (overrides: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  enrolmentId: ENROLMENT_ID,
  pseudonym: PSEUDONYM,
  identityEncrypted: IDENTITY_ENCRYPTED,
  indication: 'HEART_FAILURE',
  ald: true,
  operatorOrg: OPERATOR_ORG,
  deviceId: DEVICE_ID,
  udiDi: UDI_DI,
  prescriptionId: PRESCRIPTION_ID,
  prescriptionIds: [PRESCRIPTION_ID],
  prescriberRpps: [PRESCRIBER_RPPS],
  status: 'ACTIVE',
  rightsStatus: 'OPEN',
  createdAt: '2026-03-15T09:00:05.000Z',
  endedAt: null,
  factsVersion: 5,
  timeline: activeTimeline(),
  incidents: [],
  prescriptions: [prescriptionFact()],
  ...overrides,
});

/** The timeline with more steps after the activation. */
export const withSteps = (...steps: Array<[TimelineKind, string]>): Partial<EnrolmentFacts> => ({
  timeline: [...activeTimeline(), ...steps.map(([kind, at]) => step(kind, at))],
});

export const certificationFact = (overrides: Partial<CertificationFact> = {}): CertificationFact => ({
  version: 3,
  at: '2026-01-05T10:00:00.000Z',
  kind: 'CERTIFIED',
  validFrom: '2026-01-05T10:00:00.000Z',
  validUntil: '2029-01-05T10:00:00.000Z',
  ...overrides,
});

export const deviceFacts = (overrides: Partial<DeviceFacts> = {}): DeviceFacts => ({
  deviceId: DEVICE_ID,
  udiDi: UDI_DI,
  exploitant: { siret: EXPLOITANT_SIRET, name: 'CardioWatch SAS' },
  lppCode: HEART_FAILURE_LPP,
  certification: [certificationFact()],
  ...overrides,
});

export const planInput = (overrides: Partial<ClaimPlanInput> = {}): ClaimPlanInput => ({
  enrolment: enrolmentFacts(),
  device: deviceFacts(),
  period: APRIL,
  tariffs: TARIFFS,
  fileActive: { semester: '2026-04', patients: 0 },
  minimumDays: 10,
  alreadyClaimed: false,
  ids: { claimId: CLAIM_ID, billingRunId: BILLING_RUN_ID },
  now: new Date('2026-05-02T00:05:00.000Z'),
  correctionOf: null,
  ...overrides,
});

/** A table whose versions change on `changeOn` (the older one ends the day before), the newer one with other amounts. */
export function tableChangingOn(changeOn: string, newer: { version: string; operatorCents: number; floorCents?: number }): TariffTable {
  const dayBefore = new Date(Date.parse(`${changeOn}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
  const older: TariffVersion = { ...REFERENCE, validUntil: dayBefore };
  const levels = REFERENCE.operator.levels.map((level) => (level.code === 'TVB' ? { ...level, amountCents: newer.operatorCents } : level));
  const next: TariffVersion = {
    ...REFERENCE,
    version: newer.version,
    validFrom: changeOn,
    validUntil: null,
    operator: { levels },
    technical: { ...REFERENCE.technical, floorCents: newer.floorCents ?? REFERENCE.technical.floorCents },
  };
  return parseTariffTable({ versions: [older, next] });
}
