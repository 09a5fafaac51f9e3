import { ClaimErrors } from '../claim.errors';
import type { ClaimEvent } from '../claim.state';
import { iso, VALIDATION_ACTOR, type Decisions } from './decision.types';

/**
 * A billing run creates a claim once per stream; one that fails validation
 * is created and rejected in the same step, so it is kept and seen, never
 * dropped.
 */
export const creationDecisions: Decisions<'CreateClaim'> = {
  CreateClaim({ claim, rejection, now }, state) {
    if (state.status !== 'NONE') throw ClaimErrors.alreadyExists(state.claim.claimId);
    const events: ClaimEvent[] = [{ type: 'ClaimCreated', data: claim }];
    if (rejection) {
      events.push({
        type: 'ClaimRejected',
        data: { source: 'VALIDATION', reasonCode: rejection.reasonCode, note: null, rejectedAt: iso(now), rejectedBy: VALIDATION_ACTOR },
      });
    }
    return events;
  },
};
