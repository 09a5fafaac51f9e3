import type { ClaimCreatedV1, ClaimEventsV1, ClaimEventV1, ClaimStatusV1, RejectionSourceV1, SealedTextV1, StepActorV1 } from '@app/contracts';

export type ClaimStatus = ClaimStatusV1;
export type ClaimEvent = ClaimEventV1;

export interface ClaimRejection {
  source: RejectionSourceV1;
  reasonCode: string;
  note: SealedTextV1 | null;
  rejectedAt: string;
  rejectedBy: StepActorV1;
}

export interface Claim {
  status: ClaimStatus;
  /** The claim as created: its lines, amounts, parties and days never change (a correction is another claim). */
  claim: ClaimCreatedV1;
  /** The submission in progress (1, then one more per resubmission): a late answer to an earlier one changes nothing. */
  submission: number;
  submitted: ClaimEventsV1['ClaimSubmitted'] | null;
  submissionFailure: ClaimEventsV1['ClaimSubmissionFailed'] | null;
  /** The rejection in force; a contest takes it back to the queue and keeps it under `contest`. */
  rejection: ClaimRejection | null;
  adjudication: ClaimEventsV1['ClaimAdjudicated'] | null;
  payment: ClaimEventsV1['ClaimPaid'] | null;
  cancellation: ClaimEventsV1['ClaimCancelled'] | null;
  contest: (ClaimEventsV1['ClaimContested'] & { rejection: ClaimRejection }) | null;
  creditSettlement: ClaimEventsV1['ClaimCreditSettled'] | null;
}

export type ClaimState = { status: 'NONE' } | Claim;

export const initialClaimState = (): ClaimState => ({ status: 'NONE' });

/** Folds one event into the state. Pure. */
export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  if (event.type === 'ClaimCreated') {
    return {
      status: 'CREATED',
      claim: event.data,
      submission: 1,
      submitted: null,
      submissionFailure: null,
      rejection: null,
      adjudication: null,
      payment: null,
      cancellation: null,
      contest: null,
      creditSettlement: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ClaimRejected':
      return { ...state, status: 'REJECTED', rejection: event.data };
    case 'ClaimSubmitted':
      return { ...state, status: 'SUBMITTED', submitted: event.data, submissionFailure: null };
    case 'ClaimSubmissionFailed':
      return { ...state, status: 'SUBMISSION_FAILED', submissionFailure: event.data };
    case 'ClaimResubmissionRequested':
      return { ...state, status: 'CREATED', submission: event.data.submission };
    case 'ClaimAdjudicated':
      return { ...state, status: 'APPROVED', adjudication: event.data };
    case 'ClaimPaid':
      return { ...state, status: 'PAID', payment: event.data };
    case 'ClaimCancelled':
      return { ...state, status: 'CANCELLED', cancellation: event.data };
    case 'ClaimContested':
      return { ...state, status: 'SUBMITTED', contest: { ...event.data, rejection: state.rejection! }, rejection: null };
    case 'ClaimCreditSettled':
      return { ...state, creditSettlement: event.data };
    default:
      return state;
  }
}
