import type { ClaimLineV1 } from '@app/contracts';
import { adjudicatedLines, approvedTotals, type LineDecision } from '../amounts/adjudicated-amounts';
import type { LineAdjudication } from '../claim.commands';
import { ClaimErrors } from '../claim.errors';
import { isReasonCode } from '../reason-codes';
import { existing, iso, type Decisions } from './decision.types';

/** Every line of the claim decided exactly once, a known reason for each rejection, at least one approved. */
function checkedLines(claimed: readonly ClaimLineV1[], decided: readonly LineAdjudication[]): LineDecision[] {
  const kinds = new Set<string>();
  decided.forEach((line, i) => {
    if (!claimed.some((each) => each.kind === line.kind)) throw ClaimErrors.badLines(`lines[${i}].kind`, `the claim has no ${String(line.kind)} line`);
    if (kinds.has(line.kind)) throw ClaimErrors.badLines(`lines[${i}].kind`, `the ${line.kind} line is decided twice`);
    kinds.add(line.kind);
    if (line.decision === 'REJECT' && !isReasonCode(line.reasonCode)) throw ClaimErrors.unknownReasonCode(`lines[${i}].reasonCode`, line.reasonCode);
  });
  const undecided = claimed.filter((each) => !kinds.has(each.kind)).map((each) => each.kind);
  if (undecided.length > 0) throw ClaimErrors.badLines('lines', `every line is decided: ${undecided.join(', ')} is not`);
  if (!decided.some((line) => line.decision === 'APPROVE')) throw ClaimErrors.badLines('lines', 'a PARTIAL decision approves at least one line (else REJECT the claim)');
  return decided.map(({ kind, decision, reasonCode }) => ({ kind, decision, reasonCode: decision === 'REJECT' ? reasonCode : null }));
}

/**
 * A claims processor decides a SUBMITTED claim: all of it, none of it with
 * a reason, or line by line. The claimed amounts stay; the approved ones and
 * the AMO share of them are recorded beside.
 */
export const adjudicationDecisions: Decisions<'Adjudicate'> = {
  Adjudicate(command, state) {
    const claim = existing(state);
    if (claim.status !== 'SUBMITTED') throw ClaimErrors.notSubmitted(claim.status);
    const { by, now } = command;
    if (command.decision === 'REJECT') {
      if (!isReasonCode(command.reasonCode)) throw ClaimErrors.unknownReasonCode('reasonCode', command.reasonCode);
      return [{ type: 'ClaimRejected', data: { source: 'PROCESSOR', reasonCode: command.reasonCode, note: command.note, rejectedAt: iso(now), rejectedBy: by } }];
    }
    const { lines, amoRatePercent } = claim.claim;
    const decisions: LineDecision[] =
      command.decision === 'APPROVE' ? lines.map((line) => ({ kind: line.kind, decision: 'APPROVE', reasonCode: null })) : checkedLines(lines, command.lines);
    const adjudicated = adjudicatedLines(lines, decisions, amoRatePercent);
    return [
      {
        type: 'ClaimAdjudicated',
        data: { decision: command.decision, lines: adjudicated, ...approvedTotals(adjudicated), adjudicatedAt: iso(now), adjudicatedBy: by },
      },
    ];
  },
};
