import { ClaimErrors } from '../claim.errors';
import { isReasonCode } from '../reason-codes';
import { AMO_ACTOR, existing, iso, type Decisions } from './decision.types';

/**
 * The AMO's answer to a submission is recorded only for the submission in
 * progress (a retried job or a late answer changes nothing); once every
 * attempt failed, an admin may send it again.
 */
export const submissionDecisions: Decisions<'RecordSubmission' | 'RequestResubmission'> = {
  RecordSubmission({ submission, outcome, now }, state) {
    const claim = existing(state);
    if (claim.status !== 'CREATED' || submission !== claim.submission) return [];
    switch (outcome.kind) {
      case 'RECEIVED':
        return [{ type: 'ClaimSubmitted', data: { amoReference: outcome.amoReference, submittedAt: iso(now), attempts: outcome.attempts } }];
      case 'REFUSED':
        return [
          {
            type: 'ClaimRejected',
            // The AMO's own codes outside ours are kept as OTHER: a claim's reason is always one of the list.
            data: { source: 'AMO', reasonCode: isReasonCode(outcome.reasonCode) ? outcome.reasonCode : 'OTHER', note: null, rejectedAt: iso(now), rejectedBy: AMO_ACTOR },
          },
        ];
      case 'FAILED':
        return [{ type: 'ClaimSubmissionFailed', data: { attempts: outcome.attempts, failedAt: iso(now), lastError: outcome.lastError } }];
    }
  },
  RequestResubmission({ by, now }, state) {
    const claim = existing(state);
    if (claim.status !== 'SUBMISSION_FAILED') throw ClaimErrors.notSubmissionFailed(claim.status);
    return [{ type: 'ClaimResubmissionRequested', data: { submission: claim.submission + 1, requestedAt: iso(now), requestedBy: by } }];
  },
};
