import type { Actor, ClaimCreatedV1, ClaimEventsV1, SealedTextV1, StepActorV1 } from '@app/contracts';
import {
  BILLING_RUN_ID,
  CLAIM_ID,
  DEVICE_ID,
  ENROLMENT_ID,
  EXPLOITANT_SIRET,
  IDENTITY_ENCRYPTED,
  OPERATOR_ORG,
  PRESCRIBER_RPPS,
  PRESCRIPTION_ID,
  PSEUDONYM,
  RENEWAL_ID,
  RENEWING_PRESCRIBER_RPPS,
  UDI_DI,
} from './billing/billing.fixtures';
import type { CommandOf, PaidLine } from './claim.commands';
import type { ClaimEvent } from './claim.state';

/*
 * Test data of the Claim decider: the April 2026 claim of a heart-failure
 * patient at 60% (no ALD), renewed once, with its two lines, then the steps
 * of its life. Pure data: no clock, no I/O.
 */

export * from './billing/billing.fixtures';

export const NOW = new Date('2026-05-03T09:00:00.000Z');
export const AMO_REFERENCE = 'AMO-2026-05-000123';
export const PAYMENT_RUN_ID = '01950000-0000-7000-8000-0000000000b9';
export const REMITTANCE_ID = '01950000-0000-7000-8000-0000000000e8';
export const OTHER_REMITTANCE_ID = '01950000-0000-7000-8000-0000000000e9';

export const PROCESSOR: StepActorV1 = { role: 'claims_processor', id: 'processor-user-1' };
export const ADMIN: StepActorV1 = { role: 'admin', id: 'admin-user-1' };
export const OPERATOR: StepActorV1 = { role: 'operator', id: 'operator-user-1', org: OPERATOR_ORG };
export const VENDOR: StepActorV1 = { role: 'vendor', id: 'vendor-user-1', org: EXPLOITANT_SIRET };
export const RUN_ACTOR: StepActorV1 = { role: 'system', id: 'system:billing-run' };

/** The actor an audit entry names. */
export const auditActorOf = (actor: StepActorV1): Actor => ({ id: actor.id, role: actor.role as Actor['role'] });

/** A free text as the handler hands it to the decider (sealing is not the decider's business: a stand-in). */
export const sealed = (text: string): SealedTextV1 => ({ commitment: `commitment of ${text}`, ciphertext: `ciphertext of ${text}` });

export const claimCreated = (overrides: Partial<ClaimCreatedV1> = {}): ClaimCreatedV1 => ({
  claimId: CLAIM_ID,
  enrolmentId: ENROLMENT_ID,
  prescriptionId: PRESCRIPTION_ID,
  prescriptionIds: [PRESCRIPTION_ID, RENEWAL_ID],
  prescriberRpps: [PRESCRIBER_RPPS, RENEWING_PRESCRIBER_RPPS],
  device: { id: DEVICE_ID, udiDi: UDI_DI, lppCode: '1612544' },
  patient: { pseudonym: PSEUDONYM, identityEncrypted: IDENTITY_ENCRYPTED },
  indication: 'HEART_FAILURE',
  ald: false,
  period: '2026-04',
  billableDates: Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`),
  billableDays: 30,
  lines: [
    { kind: 'OPERATOR', code: 'TVB', payee: OPERATOR_ORG, amountCents: 2800, amoShareCents: 1680 },
    { kind: 'TECHNICAL', code: '1612544', payee: EXPLOITANT_SIRET, amountCents: 2083, amoShareCents: 1250 },
  ],
  totalCents: 4883,
  amoShareCents: 2930,
  patientShareCents: 1953,
  amoRatePercent: 60,
  tariffVersion: '2023-07',
  fileActive: { semester: '2026-04', patients: 45000, trancheFromPatients: 40000, trancheCents: 2083 },
  correctionOf: null,
  billingRunId: BILLING_RUN_ID,
  createdAt: '2026-05-02T00:05:00.000Z',
  ...overrides,
});

// Commands.

export const createClaim = (overrides: Partial<CommandOf<'CreateClaim'>> = {}): CommandOf<'CreateClaim'> => ({
  type: 'CreateClaim',
  claim: claimCreated(),
  rejection: null,
  now: NOW,
  ...overrides,
});

export const received = (submission = 1, attempts = 1): CommandOf<'RecordSubmission'> => ({
  type: 'RecordSubmission',
  submission,
  outcome: { kind: 'RECEIVED', amoReference: AMO_REFERENCE, attempts },
  now: NOW,
});
export const refused = (reasonCode = 'RIGHTS_CLOSED', submission = 1): CommandOf<'RecordSubmission'> => ({
  type: 'RecordSubmission',
  submission,
  outcome: { kind: 'REFUSED', reasonCode, attempts: 1 },
  now: NOW,
});
export const failed = (submission = 1): CommandOf<'RecordSubmission'> => ({
  type: 'RecordSubmission',
  submission,
  outcome: { kind: 'FAILED', attempts: 5, lastError: 'AMO unavailable (503)' },
  now: NOW,
});

export const requestResubmission = (by: StepActorV1 = ADMIN): CommandOf<'RequestResubmission'> => ({ type: 'RequestResubmission', by, now: NOW });

export const approve = (by: StepActorV1 = PROCESSOR): CommandOf<'Adjudicate'> => ({ type: 'Adjudicate', decision: 'APPROVE', by, now: NOW });
export const reject = (reasonCode = 'NOT_BILLABLE_DAYS', note: SealedTextV1 | null = sealed('days not justified')): CommandOf<'Adjudicate'> => ({
  type: 'Adjudicate',
  decision: 'REJECT',
  reasonCode,
  note,
  by: PROCESSOR,
  now: NOW,
});
export const partial = (
  lines: Extract<CommandOf<'Adjudicate'>, { decision: 'PARTIAL' }>['lines'] = [
    { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER' },
    { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null },
  ],
): CommandOf<'Adjudicate'> => ({ type: 'Adjudicate', decision: 'PARTIAL', lines, by: PROCESSOR, now: NOW });

export const paidLines = (): PaidLine[] => [
  { kind: 'OPERATOR', code: 'TVB', payee: OPERATOR_ORG, amountCents: 1680, remittanceId: REMITTANCE_ID },
  { kind: 'TECHNICAL', code: '1612544', payee: EXPLOITANT_SIRET, amountCents: 1250, remittanceId: OTHER_REMITTANCE_ID },
];
export const creditLines = (): PaidLine[] => paidLines().map((line) => ({ ...line, amountCents: -line.amountCents }));

export const payClaim = (lines = paidLines()): CommandOf<'PayClaim'> => ({ type: 'PayClaim', paymentRunId: PAYMENT_RUN_ID, reference: 'PAY-2026-05-0001', lines, now: NOW });
export const settleCredit = (lines = creditLines()): CommandOf<'SettleCredit'> => ({
  type: 'SettleCredit',
  paymentRunId: PAYMENT_RUN_ID,
  reference: 'PAY-2026-06-0001',
  lines,
  now: NOW,
});

export const cancelClaim = (overrides: Partial<CommandOf<'CancelClaim'>> = {}): CommandOf<'CancelClaim'> => ({
  type: 'CancelClaim',
  by: ADMIN,
  reason: sealed('billed under the wrong prescription'),
  cause: 'BY_ADMIN',
  supersededBy: null,
  now: NOW,
  ...overrides,
});

export const contestClaim = (by: StepActorV1 = OPERATOR): CommandOf<'ContestClaim'> => ({ type: 'ContestClaim', by, note: sealed('the transmissions prove the days'), now: NOW });

// Events.

type EventNamed<T extends ClaimEvent['type']> = Extract<ClaimEvent, { type: T }>;
const event = <T extends ClaimEvent['type']>(type: T, data: ClaimEventsV1[T]): EventNamed<T> => ({ type, data }) as EventNamed<T>;

export const created = (overrides: Partial<ClaimCreatedV1> = {}) => event('ClaimCreated', claimCreated(overrides));
export const submitted = () => event('ClaimSubmitted', { amoReference: AMO_REFERENCE, submittedAt: '2026-05-02T00:06:00.000Z', attempts: 1 });
export const submissionFailed = () => event('ClaimSubmissionFailed', { attempts: 5, failedAt: '2026-05-02T00:10:00.000Z', lastError: 'AMO unavailable (503)' });
export const resubmissionRequested = (submission = 2) =>
  event('ClaimResubmissionRequested', { submission, requestedAt: '2026-05-02T08:00:00.000Z', requestedBy: ADMIN });
export const rejectedBy = (source: 'VALIDATION' | 'AMO' | 'PROCESSOR' = 'PROCESSOR') =>
  event('ClaimRejected', {
    source,
    reasonCode: 'NOT_BILLABLE_DAYS',
    note: source === 'PROCESSOR' ? sealed('days not justified') : null,
    rejectedAt: '2026-05-02T10:00:00.000Z',
    rejectedBy: source === 'PROCESSOR' ? PROCESSOR : { role: 'system', id: source === 'AMO' ? 'system:amo' : 'system:claim-validation' },
  });
export const approved = () =>
  event('ClaimAdjudicated', {
    decision: 'APPROVE',
    lines: [
      { kind: 'OPERATOR', decision: 'APPROVE', reasonCode: null, approvedCents: 2800, amoShareCents: 1680 },
      { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null, approvedCents: 2083, amoShareCents: 1250 },
    ],
    approvedCents: 4883,
    amoShareCents: 2930,
    patientShareCents: 1953,
    adjudicatedAt: '2026-05-02T11:00:00.000Z',
    adjudicatedBy: PROCESSOR,
  });
export const paid = () =>
  event('ClaimPaid', { paymentRunId: PAYMENT_RUN_ID, reference: 'PAY-2026-05-0001', paidAt: '2026-05-02T12:00:00.000Z', lines: paidLines(), amountCents: 2930 });
export const cancelled = (creditCents = 0) =>
  event('ClaimCancelled', {
    reason: sealed('billed under the wrong prescription'),
    cause: 'BY_ADMIN',
    supersededBy: null,
    creditCents,
    cancelledAt: '2026-05-02T13:00:00.000Z',
    cancelledBy: ADMIN,
  });
export const contested = () => event('ClaimContested', { note: sealed('the transmissions prove the days'), contestedAt: '2026-05-02T14:00:00.000Z', contestedBy: OPERATOR });
export const creditSettled = () =>
  event('ClaimCreditSettled', { paymentRunId: PAYMENT_RUN_ID, reference: 'PAY-2026-06-0001', settledAt: '2026-06-01T12:00:00.000Z', lines: creditLines(), amountCents: -2930 });

// Histories.

export const createdHistory = (): ClaimEvent[] => [created()];
export const submittedHistory = (): ClaimEvent[] => [created(), submitted()];
export const failedHistory = (): ClaimEvent[] => [created(), submissionFailed()];
export const approvedHistory = (): ClaimEvent[] => [...submittedHistory(), approved()];
export const paidHistory = (): ClaimEvent[] => [...approvedHistory(), paid()];
export const rejectedHistory = (): ClaimEvent[] => [...submittedHistory(), rejectedBy('PROCESSOR')];
export const contestedHistory = (): ClaimEvent[] => [...rejectedHistory(), contested()];
export const cancelledPaidHistory = (): ClaimEvent[] => [...paidHistory(), cancelled(2930)];
