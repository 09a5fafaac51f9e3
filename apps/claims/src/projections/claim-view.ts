import type {
  ClaimCreatedV1,
  ClaimLineKindV1,
  ClaimStatusV1,
  FileActiveUsedV1,
  IndicationCode,
  RejectionSourceV1,
  SealedTextV1,
} from '@app/contracts';

/** A line's own rejection, after a PARTIAL decision. */
export interface LineRejectionView {
  source: 'PROCESSOR';
  reasonCode: string;
}

/** One flat line (API.md "Claim"); `approvedCents` and `rejection` once adjudicated, `amoShareCents` then the share of what was approved. */
export interface ClaimLineView {
  kind: ClaimLineKindV1;
  code: string;
  payee: string;
  amountCents: number;
  amoShareCents: number;
  approvedCents?: number;
  rejection?: LineRejectionView;
}

export interface RejectionView<Note> {
  source: RejectionSourceV1;
  reasonCode: string;
  note?: Note;
  rejectedAt: string;
}

export interface ContestView<Note> {
  note: Note;
  contestedAt: string;
  /** The rejection contested (the claim is back in the queue without one). */
  rejection: RejectionView<Note>;
}

export interface CancellationView<Note> {
  cause: 'BY_ADMIN' | 'CORRECTED';
  reason?: Note;
  supersededBy: string | null;
  cancelledAt: string;
}

/** A claim's representation with its free texts as `Note` (sealed as stored, opened as answered). */
export interface ClaimViewOf<Note> {
  id: string;
  status: ClaimStatusV1;
  version: number;
  enrolmentId: string;
  prescriptionId: string;
  prescriptionIds: string[];
  prescriberRpps: string[];
  patient: { pseudonym: string };
  device: { id: string; udiDi: string; lppCode: string };
  indication: IndicationCode;
  ald: boolean;
  period: string;
  lines: ClaimLineView[];
  billableDates: string[];
  billableDays: number;
  totalCents: number;
  approvedCents?: number;
  amoShareCents: number;
  patientShareCents: number;
  amoRatePercent: number;
  tariffVersion: string;
  fileActive: FileActiveUsedV1;
  rejection?: RejectionView<Note>;
  /** Numbers the submissions: a resubmission makes a new one, a late answer to an older one changes nothing. */
  submission: number;
  amoReference?: string;
  submissionFailure?: { attempts: number; failedAt: string; lastError: string };
  adjudication?: { decision: 'APPROVE' | 'PARTIAL'; adjudicatedAt: string };
  payment?: { reference: string; paidAt: string; amountCents: number };
  contested: boolean;
  contest?: ContestView<Note>;
  cancellation?: CancellationView<Note>;
  /** What a paid claim cancelled owes its payees, and whether a remittance took it. */
  creditCents: number;
  creditSettled: boolean;
  correctionOf: string | null;
  correctedBy: string | null;
  billingRunId: string;
  createdAt: string;
  /** The last entry in the processors' queue (received by the AMO, or contested). */
  submittedAt?: string;
  updatedAt: string;
}

/** As the `claims` row stores it: texts sealed under the patient's key, no identity. */
export type StoredClaimView = ClaimViewOf<SealedTextV1>;

/** As the API answers it (API.md "Claim" plus what processors and payees need): texts opened, "erased" once the patient is. */
export type ClaimView = ClaimViewOf<string>;

export function createdView(claim: ClaimCreatedV1, version: number, at: string): StoredClaimView {
  return {
    id: claim.claimId,
    status: 'CREATED',
    version,
    enrolmentId: claim.enrolmentId,
    prescriptionId: claim.prescriptionId,
    prescriptionIds: claim.prescriptionIds,
    prescriberRpps: claim.prescriberRpps,
    patient: { pseudonym: claim.patient.pseudonym },
    device: claim.device,
    indication: claim.indication,
    ald: claim.ald,
    period: claim.period,
    lines: claim.lines.map((line) => ({ ...line })),
    billableDates: claim.billableDates,
    billableDays: claim.billableDays,
    totalCents: claim.totalCents,
    amoShareCents: claim.amoShareCents,
    patientShareCents: claim.patientShareCents,
    amoRatePercent: claim.amoRatePercent,
    tariffVersion: claim.tariffVersion,
    fileActive: claim.fileActive,
    submission: 1,
    contested: false,
    creditCents: 0,
    creditSettled: false,
    correctionOf: claim.correctionOf,
    correctedBy: null,
    billingRunId: claim.billingRunId,
    createdAt: claim.createdAt,
    updatedAt: at,
  };
}
