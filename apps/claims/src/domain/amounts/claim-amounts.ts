import type { ClaimLineKindV1, ClaimLineV1 } from '@app/contracts';

/** A line before its AMO share: what the tariff says it is, and whom it pays. */
export interface LineTerms {
  code: string;
  payee: string;
  amountCents: number;
}

/**
 * The AMO's share of an amount, rounded half up to the cent, in integers
 * only (a float's 1249.5 may be 1249.4999...): 2,083 at 60% is 1,249.8 -> 1,250.
 */
export const amoShareOf = (cents: number, ratePercent: number): number => Math.floor((cents * ratePercent + 50) / 100);

/** 100% when the monitoring is linked to an exonerating ALD, otherwise the default (60%: the ticket modérateur is 40%). */
export const amoRateOf = (ald: boolean, rates: { ald: number; default: number }): number => (ald ? rates.ald : rates.default);

const line = (kind: ClaimLineKindV1, terms: LineTerms, ratePercent: number): ClaimLineV1 => ({
  kind,
  code: terms.code,
  payee: terms.payee,
  amountCents: terms.amountCents,
  amoShareCents: amoShareOf(terms.amountCents, ratePercent),
});

/** The claim's flat lines, operator first; no operator line past the months it may be billed. */
export function claimLines(input: { operator: LineTerms | null; technical: LineTerms; ratePercent: number }): ClaimLineV1[] {
  const lines = input.operator ? [line('OPERATOR', input.operator, input.ratePercent)] : [];
  return [...lines, line('TECHNICAL', input.technical, input.ratePercent)];
}

/** The claim's totals: the AMO share is the sum of the lines' shares, the patient pays the rest. */
export function claimTotals(lines: readonly Pick<ClaimLineV1, 'amountCents' | 'amoShareCents'>[]): {
  totalCents: number;
  amoShareCents: number;
  patientShareCents: number;
} {
  const totalCents = lines.reduce((sum, each) => sum + each.amountCents, 0);
  const amoShareCents = lines.reduce((sum, each) => sum + each.amoShareCents, 0);
  return { totalCents, amoShareCents, patientShareCents: totalCents - amoShareCents };
}
