import type { AdjudicatedLineV1, ClaimLineV1, LineDecisionV1 } from '@app/contracts';
import { amoShareOf } from './claim-amounts';

/** One line's decision, checked already: a rejected line has its reason code. */
export interface LineDecision {
  kind: ClaimLineV1['kind'];
  decision: LineDecisionV1;
  reasonCode: string | null;
}

/** The lines as decided: an approved line keeps its amount, a rejected one is 0; the AMO share is taken again on what is approved. */
export function adjudicatedLines(lines: readonly ClaimLineV1[], decisions: readonly LineDecision[], ratePercent: number): AdjudicatedLineV1[] {
  return lines.map((claimed) => {
    const decided = decisions.find((each) => each.kind === claimed.kind);
    const approvedCents = decided?.decision === 'APPROVE' ? claimed.amountCents : 0;
    return {
      kind: claimed.kind,
      decision: decided?.decision ?? 'REJECT',
      reasonCode: decided?.decision === 'APPROVE' ? null : (decided?.reasonCode ?? null),
      approvedCents,
      amoShareCents: amoShareOf(approvedCents, ratePercent),
    };
  });
}

/** What is approved of the claim, and the shares of it. */
export function approvedTotals(lines: readonly AdjudicatedLineV1[]): { approvedCents: number; amoShareCents: number; patientShareCents: number } {
  const approvedCents = lines.reduce((sum, each) => sum + each.approvedCents, 0);
  const amoShareCents = lines.reduce((sum, each) => sum + each.amoShareCents, 0);
  return { approvedCents, amoShareCents, patientShareCents: approvedCents - amoShareCents };
}
