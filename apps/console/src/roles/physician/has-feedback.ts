import type { Evaluation, Outcome } from './api-types';

/** The referential's bar for a justification (DOMAIN.md: a WARN is issuable only with one), counted as the service counts it: trimmed. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export interface JustificationState {
  text: string;
  /** Characters still needed before the justification counts (0 once it does). */
  missing: number;
  justified: boolean;
}

export interface FeedbackRow {
  ruleId: string;
  outcome: Outcome;
  message: string;
  /** Only a WARN asks for one. */
  justification?: JustificationState;
}

/** What the HAS feedback panel shows, and whether the prescription may be issued. */
export interface Feedback {
  referentialVersion: string;
  rows: FeedbackRow[];
  counts: Record<Outcome, number>;
  /** The rules that forbid issuing whatever is written. */
  blocking: string[];
  /** The warnings whose justification is still missing or too short. */
  toJustify: string[];
  /**
   * No BLOCK, every WARN justified, and the evaluation is of the form as it
   * stands (an answer to an older state of the form decides nothing).
   */
  canIssue: boolean;
}

const isJustified = (text: string): boolean => text.trim().length >= MIN_JUSTIFICATION_LENGTH;

/**
 * The display model of the dry-run evaluation: one row per rule, in the
 * referential's order, each WARN with its justification's state. The same
 * test as the service's (`acceptance`), so the button never promises what
 * the API would refuse.
 */
export function hasFeedback(evaluation: Evaluation, justifications: Readonly<Record<string, string>>, upToDate = true): Feedback {
  const counts: Record<Outcome, number> = { PASS: 0, WARN: 0, BLOCK: 0 };
  const rows = evaluation.results.map((result): FeedbackRow => {
    counts[result.outcome] += 1;
    if (result.outcome !== 'WARN') return { ...result };
    const text = justifications[result.ruleId] ?? '';
    const length = text.trim().length;
    return { ...result, justification: { text, missing: Math.max(0, MIN_JUSTIFICATION_LENGTH - length), justified: isJustified(text) } };
  });
  const blocking = rows.filter((row) => row.outcome === 'BLOCK').map((row) => row.ruleId);
  const toJustify = rows.filter((row) => row.justification && !row.justification.justified).map((row) => row.ruleId);
  return {
    referentialVersion: evaluation.referentialVersion,
    rows,
    counts,
    blocking,
    toJustify,
    canIssue: upToDate && blocking.length === 0 && toJustify.length === 0,
  };
}

/** The request's `overrides`: the answer written to each WARN, trimmed (the text the prescriber signs). */
export function overridesOf(feedback: Feedback): { ruleId: string; justification: string }[] {
  return feedback.rows.flatMap((row) => (row.justification && row.justification.text.trim() ? [{ ruleId: row.ruleId, justification: row.justification.text.trim() }] : []));
}
