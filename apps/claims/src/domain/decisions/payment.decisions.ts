import type { PaidLine } from '../claim.commands';
import { existing, iso, type Decisions } from './decision.types';

const sumOf = (lines: readonly PaidLine[]): number => lines.reduce((sum, line) => sum + line.amountCents, 0);

/**
 * The payment job pays approved claims and settles the credits of cancelled
 * paid ones; a claim already paid or settled (a job run twice) is left as it is.
 */
export const paymentDecisions: Decisions<'PayClaim' | 'SettleCredit'> = {
  PayClaim({ paymentRunId, reference, lines, now }, state) {
    const claim = existing(state);
    if (claim.status !== 'APPROVED') return [];
    return [{ type: 'ClaimPaid', data: { paymentRunId, reference, paidAt: iso(now), lines, amountCents: sumOf(lines) } }];
  },
  SettleCredit({ paymentRunId, reference, lines, now }, state) {
    const claim = existing(state);
    if (claim.status !== 'CANCELLED' || !claim.cancellation || claim.cancellation.creditCents <= 0 || claim.creditSettlement) return [];
    return [{ type: 'ClaimCreditSettled', data: { paymentRunId, reference, settledAt: iso(now), lines, amountCents: sumOf(lines) } }];
  },
};
