import { deciderSpecification } from '@app/testing/decider-specification';
import { claimDecider } from '../claim.decider';
import {
  NOW,
  PAYMENT_RUN_ID,
  approvedHistory,
  cancelled,
  cancelledPaidHistory,
  createdHistory,
  creditLines,
  creditSettled,
  paidHistory,
  paidLines,
  payClaim,
  rejectedHistory,
  settleCredit,
  submittedHistory,
} from '../claim.fixtures';
import type { ClaimEvent } from '../claim.state';

const given = deciderSpecification(claimDecider);

describe('PayClaim', () => {
  it('pays an approved claim, each payee’s line in its remittance', () =>
    given(approvedHistory())
      .when(payClaim())
      .then([{ type: 'ClaimPaid', data: { paymentRunId: PAYMENT_RUN_ID, reference: 'PAY-2026-05-0001', paidAt: NOW.toISOString(), lines: paidLines(), amountCents: 2930 } }]));

  it.each([
    ['CREATED', createdHistory()],
    ['SUBMITTED', submittedHistory()],
    ['REJECTED', rejectedHistory()],
    ['PAID (a payment job run twice)', paidHistory()],
    ['CANCELLED', [...approvedHistory(), cancelled()]],
  ] as Array<[string, ClaimEvent[]]>)('does nothing for a %s claim', (_status, history) => given(history).when(payClaim()).thenNothing());
});

describe('SettleCredit', () => {
  it('settles the credit of a cancelled paid claim on the payees’ remittances', () =>
    given(cancelledPaidHistory())
      .when(settleCredit())
      .then([{ type: 'ClaimCreditSettled', data: { paymentRunId: PAYMENT_RUN_ID, reference: 'PAY-2026-06-0001', settledAt: NOW.toISOString(), lines: creditLines(), amountCents: -2930 } }]));

  it.each([
    ['a credit already settled', [...cancelledPaidHistory(), creditSettled()]],
    ['a cancelled claim that was never paid (no credit)', [...approvedHistory(), cancelled(0)]],
    ['a paid claim not cancelled', paidHistory()],
  ] as Array<[string, ClaimEvent[]]>)('does nothing for %s', (_what, history) => given(history).when(settleCredit()).thenNothing());
});
