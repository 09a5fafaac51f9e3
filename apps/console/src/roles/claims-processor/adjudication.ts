import { localFieldProblem } from '../../api/api-error';
import type { AdjudicationBody, ClaimLine, LineKind } from './claim-api';

export type Decision = 'APPROVE' | 'REJECT' | 'PARTIAL';
export type LineDecision = 'APPROVE' | 'REJECT';

/** One line's choice in the line-by-line form: undecided until a choice is made. */
export interface LineChoice {
  decision: LineDecision | '';
  reasonCode: string;
}

export interface AdjudicationForm {
  decision: Decision | '';
  reasonCode: string;
  note: string;
  lines: Partial<Record<LineKind, LineChoice>>;
}

export interface AdjudicationMessages {
  chooseDecision: string;
  chooseReason: string;
  decideLine: string;
  approveOne: string;
}

/** What the line-by-line decision comes to as lines are decided: the approved amount and the AMO share of it. */
export interface PartialTotals {
  approvedCents: number;
  amoShareCents: number;
  rejectedCents: number;
  undecided: number;
}

/** DOMAIN.md: the AMO share is taken per line, rounded half up to the cent (integers only, no float rounding). */
export const amoShareOf = (cents: number, ratePercent: number): number => Math.floor((cents * ratePercent + 50) / 100);

/**
 * The claim's approved amount as its lines are decided (API.md: a claim's
 * `approvedCents` is the sum of its approved lines' amounts), and the AMO
 * share taken again on each approved line at the claim's rate.
 */
export function partialTotals(lines: readonly ClaimLine[], choices: AdjudicationForm['lines'], ratePercent: number): PartialTotals {
  return lines.reduce<PartialTotals>(
    (totals, line) => {
      const decision = choices[line.kind]?.decision ?? '';
      if (decision === 'APPROVE') {
        return { ...totals, approvedCents: totals.approvedCents + line.amountCents, amoShareCents: totals.amoShareCents + amoShareOf(line.amountCents, ratePercent) };
      }
      if (decision === 'REJECT') return { ...totals, rejectedCents: totals.rejectedCents + line.amountCents };
      return { ...totals, undecided: totals.undecided + 1 };
    },
    { approvedCents: 0, amoShareCents: 0, rejectedCents: 0, undecided: 0 },
  );
}

/**
 * The adjudication body of API.md from the form, or a refusal made here
 * under the field the API would name: a rejection needs its reason code, a
 * line-by-line decision decides every line (a rejected one with its reason
 * code) and approves at least one.
 */
export function adjudicationBody(form: AdjudicationForm, lines: readonly ClaimLine[], messages: AdjudicationMessages): AdjudicationBody {
  switch (form.decision) {
    case 'APPROVE':
      return { decision: 'APPROVE' };
    case 'REJECT': {
      if (!form.reasonCode) throw localFieldProblem('reasonCode', messages.chooseReason);
      const note = form.note.trim();
      return { decision: 'REJECT', reasonCode: form.reasonCode, ...(note ? { note } : {}) };
    }
    case 'PARTIAL': {
      const decided = lines.map((line, index) => {
        const choice = form.lines[line.kind];
        if (!choice?.decision) throw localFieldProblem(`lines[${index}].decision`, messages.decideLine);
        if (choice.decision === 'REJECT' && !choice.reasonCode) throw localFieldProblem(`lines[${index}].reasonCode`, messages.chooseReason);
        return choice.decision === 'APPROVE' ? { kind: line.kind, decision: 'APPROVE' as const } : { kind: line.kind, decision: 'REJECT' as const, reasonCode: choice.reasonCode };
      });
      if (!decided.some((line) => line.decision === 'APPROVE')) throw localFieldProblem('lines', messages.approveOne);
      return { decision: 'PARTIAL', lines: decided };
    }
    default:
      throw localFieldProblem('decision', messages.chooseDecision);
  }
}
