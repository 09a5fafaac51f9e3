import { ClaimErrors } from '../claim.errors';
import { existing, iso, type Decisions } from './decision.types';

/**
 * Corrections: an admin (or a corrective claim) cancels a claim, a paid one
 * owing its payees what they were paid; the payee contests a rejection once,
 * which puts the claim back in the processors' queue.
 */
export const correctionDecisions: Decisions<'CancelClaim' | 'ContestClaim'> = {
  CancelClaim({ by, reason, cause, supersededBy, now }, state) {
    const claim = existing(state);
    if (claim.status === 'CANCELLED') throw ClaimErrors.alreadyCancelled();
    const creditCents = claim.status === 'PAID' && claim.payment ? claim.payment.amountCents : 0;
    return [{ type: 'ClaimCancelled', data: { reason, cause, supersededBy, creditCents, cancelledAt: iso(now), cancelledBy: by } }];
  },
  ContestClaim({ by, note, now }, state) {
    const claim = existing(state);
    if (claim.status !== 'REJECTED') throw ClaimErrors.notRejected(claim.status);
    if (claim.contest) throw ClaimErrors.alreadyContested();
    return [{ type: 'ClaimContested', data: { note, contestedAt: iso(now), contestedBy: by } }];
  },
};
