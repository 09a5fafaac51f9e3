import type { SealedTextV1 } from '../personal-data';
import { TOPICS } from '../topics';
import type { IndicationCode } from '../vocabulary';
import { eventContract, type EventOf } from './event-contract';
import type { StepActorV1 } from './enrolment.v1';

/*
 * claims.events.v1: the Claim stream's events (key and `streamId` = the claim
 * id). A claim bills one month (`period`, YYYY-MM, Europe/Paris) of one
 * enrolment to the Assurance Maladie: two flat lines (DOMAIN.md
 * "Reimbursement"), each with its payee. The patient is a pseudonym; the
 * identity the AMO needs travels as the enrolment sealed it, under the
 * patient's own data key, bound to
 * `fieldAad('enrolment:<enrolmentId>', 'patient.identity')`: claims opens it
 * only to submit. Every free text (a processor's note, a contest, a
 * cancellation's reason) is sealed under that key too.
 */

export type ClaimStatusV1 = 'CREATED' | 'SUBMITTED' | 'SUBMISSION_FAILED' | 'APPROVED' | 'REJECTED' | 'PAID' | 'CANCELLED';
export type ClaimLineKindV1 = 'OPERATOR' | 'TECHNICAL';
export type RejectionSourceV1 = 'VALIDATION' | 'AMO' | 'PROCESSOR';
export type LineDecisionV1 = 'APPROVE' | 'REJECT';

/** Where each sealed field of a claim is bound (the `field` of `fieldAad('claim:<id>', field)`). */
export const CLAIM_SEALED_FIELDS = {
  rejectionNote: 'rejection.note',
  contestNote: 'contest.note',
  cancellationReason: 'cancellation.reason',
} as const;

/** One flat line as claimed: its amount (before the AMO share) and the AMO share of it, rounded half up. */
export type ClaimLineV1 = {
  kind: ClaimLineKindV1;
  /** OPERATOR: the forfait's code (TVA, TVB); TECHNICAL: the device's LPP code. */
  code: string;
  /** OPERATOR: the prescription's operator org; TECHNICAL: the device's exploitant SIRET. */
  payee: string;
  amountCents: number;
  amoShareCents: number;
};

/** The file active that gave the technical line its tranche. */
export type FileActiveUsedV1 = { semester: string; patients: number; trancheFromPatients: number; trancheCents: number };

export type ClaimCreatedV1 = {
  claimId: string;
  enrolmentId: string;
  /** The prescription in force on the period's last billable day, and the chain it belongs to. */
  prescriptionId: string;
  prescriptionIds: string[];
  prescriberRpps: string[];
  device: { id: string; udiDi: string; lppCode: string };
  patient: { pseudonym: string; identityEncrypted: string };
  indication: IndicationCode;
  ald: boolean;
  period: string;
  /** The billable days (YYYY-MM-DD, Europe/Paris), in order. */
  billableDates: string[];
  billableDays: number;
  lines: ClaimLineV1[];
  totalCents: number;
  amoShareCents: number;
  patientShareCents: number;
  /** 100 when linked to an exonerating ALD, otherwise 60. */
  amoRatePercent: number;
  tariffVersion: string;
  fileActive: FileActiveUsedV1;
  /** The claim this one corrects (late data changed the month's days), or null for an ordinary claim. */
  correctionOf: string | null;
  billingRunId: string;
  createdAt: string;
};

/** One line's decision by a claims processor: `approvedCents` is the line's amount or 0, `amoShareCents` the share of it. */
export type AdjudicatedLineV1 = {
  kind: ClaimLineKindV1;
  decision: LineDecisionV1;
  reasonCode: string | null;
  approvedCents: number;
  amoShareCents: number;
};

/** What one payee receives for one claim in one remittance (negative for a credit). */
export type RemittedLineV1 = { kind: ClaimLineKindV1; code: string; payee: string; amountCents: number };

export type ClaimEventsV1 = {
  ClaimCreated: ClaimCreatedV1;
  /** Validation (before submission), the AMO, or a claims processor refused it. */
  ClaimRejected: {
    source: RejectionSourceV1;
    reasonCode: string;
    note: SealedTextV1 | null;
    rejectedAt: string;
    rejectedBy: StepActorV1;
  };
  /** The AMO answered RECEIVED: the claim enters the processors' queue. */
  ClaimSubmitted: { amoReference: string; submittedAt: string; attempts: number };
  /** Every attempt failed (the AMO down or erring): an admin may resubmit. */
  ClaimSubmissionFailed: { attempts: number; failedAt: string; lastError: string };
  ClaimResubmissionRequested: { submission: number; requestedAt: string; requestedBy: StepActorV1 };
  /** APPROVE (every line) or PARTIAL (line by line, at least one approved). */
  ClaimAdjudicated: {
    decision: 'APPROVE' | 'PARTIAL';
    lines: AdjudicatedLineV1[];
    approvedCents: number;
    amoShareCents: number;
    patientShareCents: number;
    adjudicatedAt: string;
    adjudicatedBy: StepActorV1;
  };
  /** The approved lines paid, each payee's part in its remittance of the payment run. */
  ClaimPaid: { paymentRunId: string; reference: string; paidAt: string; lines: (RemittedLineV1 & { remittanceId: string })[]; amountCents: number };
  /** A paid claim cancelled owes its payees a credit line on their next remittance (`creditCents` > 0). */
  ClaimCancelled: {
    reason: SealedTextV1 | null;
    cause: 'BY_ADMIN' | 'CORRECTED';
    /** The corrective claim that replaces it, when late data changed its days. */
    supersededBy: string | null;
    creditCents: number;
    cancelledAt: string;
    cancelledBy: StepActorV1;
  };
  /** The payee contests a rejection once: the claim goes back to the processors' queue. */
  ClaimContested: { note: SealedTextV1; contestedAt: string; contestedBy: StepActorV1 };
  /** The credit of a cancelled paid claim was taken on the payees' remittances. */
  ClaimCreditSettled: { paymentRunId: string; reference: string; settledAt: string; lines: (RemittedLineV1 & { remittanceId: string })[]; amountCents: number };
};

export type ClaimEventV1 = EventOf<ClaimEventsV1>;

export const CLAIM_EVENTS_V1 = eventContract<ClaimEventsV1>(TOPICS.claims, {
  ClaimCreated: 1,
  ClaimRejected: 1,
  ClaimSubmitted: 1,
  ClaimSubmissionFailed: 1,
  ClaimResubmissionRequested: 1,
  ClaimAdjudicated: 1,
  ClaimPaid: 1,
  ClaimCancelled: 1,
  ClaimContested: 1,
  ClaimCreditSettled: 1,
});
