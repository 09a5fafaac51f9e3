import { HAS_RULES } from '../has-rules/has-rules';
import type { EvaluationInput } from '../has-rules/rule.types';
import type { Referential } from '../referential/referential.types';
import type { Evaluation } from './evaluation.types';

/** Runs every rule of the referential version, in its order. Pure: the same input gives the same evaluation. */
export function evaluatePrescription(input: EvaluationInput, referential: Referential): Evaluation {
  return {
    referentialVersion: referential.version,
    results: referential.rules.map((ruleId) => {
      const rule = HAS_RULES[ruleId];
      // A data file naming a rule no code implements is a deployment error, not a patient's problem.
      if (!rule) throw new Error(`referential ${referential.version} names unknown rule ${ruleId}`);
      return rule(input, referential);
    }),
  };
}
