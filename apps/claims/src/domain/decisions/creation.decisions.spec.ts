import { deciderSpecification } from '@app/testing/decider-specification';
import { claimDecider } from '../claim.decider';
import { CLAIM_ID, NOW, claimCreated, createClaim, created, createdHistory, paidHistory } from '../claim.fixtures';

const given = deciderSpecification(claimDecider);

describe('CreateClaim', () => {
  it('creates the claim as the run computed it', () => given([]).when(createClaim()).then([{ type: 'ClaimCreated', data: claimCreated() }]));

  it('creates a claim that failed validation and rejects it in the same step, by the platform', () =>
    given([])
      .when(createClaim({ rejection: { reasonCode: 'TARIFF_MISMATCH' } }))
      .then([
        { type: 'ClaimCreated', data: claimCreated() },
        {
          type: 'ClaimRejected',
          data: { source: 'VALIDATION', reasonCode: 'TARIFF_MISMATCH', note: null, rejectedAt: NOW.toISOString(), rejectedBy: { role: 'system', id: 'system:claim-validation' } },
        },
      ]));

  it('creates a corrective claim naming the claim it corrects', () =>
    given([]).when(createClaim({ claim: claimCreated({ correctionOf: CLAIM_ID, claimId: 'c-2' }) })).thenMatches([{ type: 'ClaimCreated', data: { correctionOf: CLAIM_ID } }]));

  it.each([
    ['CREATED', createdHistory()],
    ['PAID', paidHistory()],
  ])('refuses a second creation of the stream (%s), 409 CLAIM.ALREADY_EXISTS', (_status, history) =>
    given(history).when(createClaim()).thenThrows('CLAIM.ALREADY_EXISTS', 'conflict'));

  it('folds the creation into a CREATED claim at its first submission', () => {
    const state = claimDecider.evolve(claimDecider.initialState(), created());
    expect(state).toMatchObject({ status: 'CREATED', submission: 1, rejection: null, claim: claimCreated() });
  });
});
