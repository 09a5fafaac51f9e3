import { deciderSpecification } from '@app/testing/decider-specification';
import { foldEvents } from '@app/event-sourcing/decider/decider';
import { claimDecider } from '../claim.decider';
import {
  ADMIN,
  AMO_REFERENCE,
  NOW,
  approvedHistory,
  cancelledPaidHistory,
  created,
  createdHistory,
  failed,
  failedHistory,
  received,
  refused,
  rejectedHistory,
  requestResubmission,
  resubmissionRequested,
  submittedHistory,
} from '../claim.fixtures';
import type { ClaimEvent } from '../claim.state';

const given = deciderSpecification(claimDecider);
const AMO = { role: 'system', id: 'system:amo' };

describe('RecordSubmission', () => {
  it('records the AMO’s RECEIVED: the claim enters the processors’ queue', () => {
    given(createdHistory())
      .when(received(1, 3))
      .then([{ type: 'ClaimSubmitted', data: { amoReference: AMO_REFERENCE, submittedAt: NOW.toISOString(), attempts: 3 } }]);
    expect(foldEvents(claimDecider, [...createdHistory(), ...claimDecider.decide(received(), foldEvents(claimDecider, createdHistory()))]).status).toBe('SUBMITTED');
  });

  it('records the AMO’s REFUSED as a rejection with its reason code, by the AMO', () =>
    given(createdHistory())
      .when(refused('RIGHTS_CLOSED'))
      .then([{ type: 'ClaimRejected', data: { source: 'AMO', reasonCode: 'RIGHTS_CLOSED', note: null, rejectedAt: NOW.toISOString(), rejectedBy: AMO } }]));

  it('keeps an AMO code outside the list as OTHER', () =>
    given(createdHistory()).when(refused('AMO-E042')).thenMatches([{ type: 'ClaimRejected', data: { source: 'AMO', reasonCode: 'OTHER' } }]));

  it('records a submission whose attempts all failed', () =>
    given(createdHistory())
      .when(failed())
      .then([{ type: 'ClaimSubmissionFailed', data: { attempts: 5, failedAt: NOW.toISOString(), lastError: 'AMO unavailable (503)' } }]));

  it.each([
    ['SUBMITTED (a retried job)', submittedHistory()],
    ['SUBMISSION_FAILED', failedHistory()],
    ['REJECTED', rejectedHistory()],
    ['APPROVED', approvedHistory()],
    ['CANCELLED', cancelledPaidHistory()],
  ] as Array<[string, ClaimEvent[]]>)('changes nothing once the claim is %s', (_status, history) => given(history).when(received()).thenNothing());

  it('ignores a late answer to an earlier submission, and takes the current one’s', () => {
    const resubmitted = [...failedHistory(), resubmissionRequested(2)];
    given(resubmitted).when(received(1)).thenNothing();
    given(resubmitted).when(failed(1)).thenNothing();
    given(resubmitted).when(received(2)).thenMatches([{ type: 'ClaimSubmitted' }]);
  });

  it('refuses a claim that does not exist', () => given([]).when(received()).thenThrows('CLAIM.NOT_FOUND', 'not_found'));
});

describe('RequestResubmission', () => {
  it('sends a SUBMISSION_FAILED claim again as its next submission, back to CREATED', () => {
    given(failedHistory())
      .when(requestResubmission())
      .then([{ type: 'ClaimResubmissionRequested', data: { submission: 2, requestedAt: NOW.toISOString(), requestedBy: ADMIN } }]);
    const twice = [...failedHistory(), resubmissionRequested(2), { type: 'ClaimSubmissionFailed', data: { attempts: 5, failedAt: NOW.toISOString(), lastError: 'down' } }] as ClaimEvent[];
    given(twice).when(requestResubmission()).thenMatches([{ type: 'ClaimResubmissionRequested', data: { submission: 3 } }]);
    expect(foldEvents(claimDecider, [...failedHistory(), resubmissionRequested(2)])).toMatchObject({ status: 'CREATED', submission: 2 });
  });

  it.each([
    ['CREATED', [created()]],
    ['SUBMITTED', submittedHistory()],
    ['REJECTED', rejectedHistory()],
  ] as Array<[string, ClaimEvent[]]>)('refuses a %s claim, 409 CLAIM.NOT_SUBMISSION_FAILED', (_status, history) =>
    given(history).when(requestResubmission()).thenThrows('CLAIM.NOT_SUBMISSION_FAILED', 'conflict'));
});
