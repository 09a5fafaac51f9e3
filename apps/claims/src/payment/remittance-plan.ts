import type { RemittedLineV1 } from '@app/contracts';
import type { ClaimSummary } from '../commands/claim-summary';
import type { Remittance } from '../projections/remittances.repository';

/** What one payment run pays (a claim's approved lines) or takes back (a cancelled paid claim's credit, negative) for one claim. */
export interface PaymentItem {
  claimId: string;
  period: string;
  kind: 'PAY' | 'CREDIT';
  lines: RemittedLineV1[];
}

/** One remittance advice: one payee, one payment run, as the repository stores it. */
export type PlannedRemittance = Remittance;

export interface RemittancePlan {
  remittances: PlannedRemittance[];
  /** Per item, its lines with the remittance each is on: what PayClaim / SettleCredit record. */
  items: (PaymentItem & { lines: (RemittedLineV1 & { remittanceId: string })[] })[];
}

/** An APPROVED claim's lines to pay: each approved line's AMO share, to its payee. */
export function payableLines({ claim, adjudicated }: ClaimSummary): RemittedLineV1[] {
  if (!adjudicated) return [];
  return claim.lines.flatMap((line) => {
    const decided = adjudicated.lines.find((candidate) => candidate.kind === line.kind);
    if (!decided || decided.decision !== 'APPROVE') return [];
    return [{ kind: line.kind, code: line.code, payee: line.payee, amountCents: decided.amoShareCents }];
  });
}

/** A cancelled paid claim's credit: what each payee was paid for it, taken back. */
export function creditLines({ paid }: ClaimSummary): RemittedLineV1[] {
  return (paid?.lines ?? []).map(({ kind, code, payee, amountCents }) => ({ kind, code, payee, amountCents: -amountCents }));
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** Groups a payment run's items per payee: one remittance each, its claims in the order of the items. */
export function planRemittances(
  items: readonly PaymentItem[],
  run: { paymentRunId: string; reference: string; paidAt: string; newId: () => string },
): RemittancePlan {
  const byPayee = new Map<string, PlannedRemittance>();
  const remittanceOf = (payee: string): PlannedRemittance => {
    let remittance = byPayee.get(payee);
    if (!remittance) {
      remittance = { id: run.newId(), paymentRunId: run.paymentRunId, payee, reference: run.reference, paidAt: run.paidAt, totalCents: 0, claims: [] };
      byPayee.set(payee, remittance);
    }
    return remittance;
  };
  const planned = items.map((item) => ({
    ...item,
    lines: item.lines.map((line) => ({ ...line, remittanceId: remittanceOf(line.payee).id })),
  }));
  for (const item of items) {
    for (const payee of [...new Set(item.lines.map((line) => line.payee))]) {
      const lines = item.lines.filter((line) => line.payee === payee).map(({ kind, code, amountCents }) => ({ kind, code, amountCents }));
      const remittance = remittanceOf(payee);
      const amountCents = sum(lines.map((line) => line.amountCents));
      remittance.claims.push({ claimId: item.claimId, period: item.period, lines, amountCents });
      remittance.totalCents += amountCents;
    }
  }
  return { remittances: [...byPayee.values()], items: planned };
}
