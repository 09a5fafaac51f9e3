import type { ClaimCreatedV1, ClaimLineKindV1, LineDecisionV1, RemittedLineV1, SealedTextV1, StepActorV1 } from '@app/contracts';

/** Commands carry the time and every fact the decision needs: the decider reads no clock, store or token. */
interface Base {
  now: Date;
}

/** What the AMO answered to one submission, after the port's attempts. */
export type SubmissionOutcome =
  | { kind: 'RECEIVED'; amoReference: string; attempts: number }
  | { kind: 'REFUSED'; reasonCode: string; attempts: number }
  | { kind: 'FAILED'; attempts: number; lastError: string };

/** One line's decision as a processor gives it (checked by the decider: every line once, a reason for a rejection). */
export interface LineAdjudication {
  kind: ClaimLineKindV1;
  decision: LineDecisionV1;
  reasonCode: string | null;
}

export type Adjudication =
  | { decision: 'APPROVE' }
  | { decision: 'REJECT'; reasonCode: string; note: SealedTextV1 | null }
  | { decision: 'PARTIAL'; lines: LineAdjudication[] };

export type PaidLine = RemittedLineV1 & { remittanceId: string };

export type ClaimCommand =
  | (Base & { type: 'CreateClaim'; claim: ClaimCreatedV1; rejection: { reasonCode: string } | null })
  | (Base & { type: 'RecordSubmission'; submission: number; outcome: SubmissionOutcome })
  | (Base & { type: 'RequestResubmission'; by: StepActorV1 })
  | (Base & { type: 'Adjudicate'; by: StepActorV1 } & Adjudication)
  | (Base & { type: 'PayClaim'; paymentRunId: string; reference: string; lines: PaidLine[] })
  | (Base & { type: 'CancelClaim'; by: StepActorV1; reason: SealedTextV1 | null; cause: 'BY_ADMIN' | 'CORRECTED'; supersededBy: string | null })
  | (Base & { type: 'ContestClaim'; by: StepActorV1; note: SealedTextV1 })
  | (Base & { type: 'SettleCredit'; paymentRunId: string; reference: string; lines: PaidLine[] });

export type ClaimCommandType = ClaimCommand['type'];
export type CommandOf<T extends ClaimCommandType> = Extract<ClaimCommand, { type: T }>;
