import type { ClaimCreatedV1, ClaimEventsV1, ClaimEventV1, ClaimStatusV1 } from '@app/contracts';

/**
 * What the jobs need of one claim, folded from its own events (the
 * contract's types): what was claimed, where it stands, which submission is
 * in force, what was approved, paid, cancelled and settled.
 */
export interface ClaimSummary {
  claim: ClaimCreatedV1;
  status: ClaimStatusV1;
  submission: number;
  adjudicated: ClaimEventsV1['ClaimAdjudicated'] | null;
  paid: ClaimEventsV1['ClaimPaid'] | null;
  cancelled: ClaimEventsV1['ClaimCancelled'] | null;
  creditSettled: boolean;
}

type Folding = Omit<ClaimSummary, 'claim'> & { claim: ClaimCreatedV1 | null };

function fold(summary: Folding, event: ClaimEventV1): Folding {
  switch (event.type) {
    case 'ClaimCreated':
      return { ...summary, claim: event.data, status: 'CREATED', submission: 1 };
    case 'ClaimRejected':
      return { ...summary, status: 'REJECTED' };
    case 'ClaimSubmitted':
      return { ...summary, status: 'SUBMITTED' };
    case 'ClaimSubmissionFailed':
      return { ...summary, status: 'SUBMISSION_FAILED' };
    case 'ClaimResubmissionRequested':
      return { ...summary, status: 'CREATED', submission: event.data.submission };
    case 'ClaimAdjudicated':
      return { ...summary, status: 'APPROVED', adjudicated: event.data };
    case 'ClaimPaid':
      return { ...summary, status: 'PAID', paid: event.data };
    case 'ClaimCancelled':
      return { ...summary, status: 'CANCELLED', cancelled: event.data };
    case 'ClaimContested':
      return { ...summary, status: 'SUBMITTED' };
    case 'ClaimCreditSettled':
      return { ...summary, creditSettled: true };
  }
}

/** The summary of a claim's events in order; null for a stream with no ClaimCreated (no such claim). */
export function summarizeClaim(events: readonly ClaimEventV1[]): ClaimSummary | null {
  const initial: Folding = { claim: null, status: 'CREATED', submission: 0, adjudicated: null, paid: null, cancelled: null, creditSettled: false };
  const summary = events.reduce(fold, initial);
  return summary.claim ? { ...summary, claim: summary.claim } : null;
}
