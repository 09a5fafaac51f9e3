import type { RuleResult } from '../has-rules/rule.types';

export interface Evaluation {
  referentialVersion: string;
  results: RuleResult[];
}

/** A prescriber's written answer to a WARN: it engages them and is audited. */
export interface Override {
  ruleId: string;
  justification: string;
}

export const MIN_JUSTIFICATION_LENGTH = 20;
