import { deciderSpecification } from '@app/testing/decider-specification';
import { foldEvents } from '@app/event-sourcing/decider/decider';
import { claimDecider } from '../claim.decider';
import {
  ADMIN,
  CORRECTIVE_CLAIM_ID,
  NOW,
  OPERATOR,
  RUN_ACTOR,
  VENDOR,
  approve,
  approvedHistory,
  cancelClaim,
  cancelledPaidHistory,
  contestClaim,
  contestedHistory,
  createdHistory,
  failedHistory,
  paidHistory,
  rejectedBy,
  rejectedHistory,
  sealed,
  submittedHistory,
} from '../claim.fixtures';
import type { ClaimEvent } from '../claim.state';

const given = deciderSpecification(claimDecider);

describe('CancelClaim', () => {
  it('cancels a paid claim, owing its payees what they were paid', () =>
    given(paidHistory())
      .when(cancelClaim())
      .then([
        {
          type: 'ClaimCancelled',
          data: { reason: sealed('billed under the wrong prescription'), cause: 'BY_ADMIN', supersededBy: null, creditCents: 2930, cancelledAt: NOW.toISOString(), cancelledBy: ADMIN },
        },
      ]));

  it.each([
    ['CREATED', createdHistory()],
    ['SUBMITTED', submittedHistory()],
    ['SUBMISSION_FAILED', failedHistory()],
    ['APPROVED', approvedHistory()],
    ['REJECTED', rejectedHistory()],
  ] as Array<[string, ClaimEvent[]]>)('cancels a %s claim with no credit', (_status, history) =>
    given(history).when(cancelClaim()).thenMatches([{ type: 'ClaimCancelled', data: { creditCents: 0 } }]));

  it('cancels a claim a corrective claim supersedes', () =>
    given(paidHistory())
      .when(cancelClaim({ by: RUN_ACTOR, reason: null, cause: 'CORRECTED', supersededBy: CORRECTIVE_CLAIM_ID }))
      .thenMatches([{ type: 'ClaimCancelled', data: { cause: 'CORRECTED', supersededBy: CORRECTIVE_CLAIM_ID, reason: null, creditCents: 2930, cancelledBy: RUN_ACTOR } }]));

  it('refuses a second cancellation, 409 CLAIM.ALREADY_CANCELLED', () => given(cancelledPaidHistory()).when(cancelClaim()).thenThrows('CLAIM.ALREADY_CANCELLED', 'conflict'));
});

describe('ContestClaim', () => {
  it.each([
    ['the operator', OPERATOR],
    ['the exploitant', VENDOR],
  ])('sends a REJECTED claim back to the processors’ queue, contested by %s', (_who, by) => {
    given(rejectedHistory())
      .when(contestClaim(by))
      .then([{ type: 'ClaimContested', data: { note: sealed('the transmissions prove the days'), contestedAt: NOW.toISOString(), contestedBy: by } }]);
    const state = foldEvents(claimDecider, [...rejectedHistory(), ...given(rejectedHistory()).when(contestClaim(by)).events()]);
    expect(state).toMatchObject({ status: 'SUBMITTED', rejection: null, contest: { contestedBy: by, rejection: { source: 'PROCESSOR' } } });
  });

  it('contests a rejection by validation or by the AMO too', () => {
    given([...createdHistory(), rejectedBy('VALIDATION')]).when(contestClaim()).thenMatches([{ type: 'ClaimContested' }]);
    given([...createdHistory(), rejectedBy('AMO')]).when(contestClaim()).thenMatches([{ type: 'ClaimContested' }]);
  });

  it('refuses a second contest, 409 CLAIM.ALREADY_CONTESTED', () =>
    given([...contestedHistory(), rejectedBy('PROCESSOR')]).when(contestClaim()).thenThrows('CLAIM.ALREADY_CONTESTED', 'conflict'));

  it.each([
    ['CREATED', createdHistory()],
    ['SUBMITTED', submittedHistory()],
    ['SUBMITTED again after a contest', contestedHistory()],
    ['APPROVED', [...contestedHistory(), ...claimDecider.decide(approve(), foldEvents(claimDecider, contestedHistory()))]],
    ['PAID', paidHistory()],
    ['CANCELLED', cancelledPaidHistory()],
  ] as Array<[string, ClaimEvent[]]>)('refuses to contest a %s claim, 409 CLAIM.NOT_REJECTED', (_status, history) =>
    given(history).when(contestClaim()).thenThrows('CLAIM.NOT_REJECTED', 'conflict'));
});
