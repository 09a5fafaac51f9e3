import { MIN_JUSTIFICATION_LENGTH, type Evaluation, type Override } from './evaluation.types';

export interface Acceptance {
  accepted: boolean;
  blocked: string[];
  /** WARN rules without a justification of at least 20 characters. */
  unjustified: string[];
  /** The overrides that answer a WARN: what the prescription records. */
  overrides: Override[];
}

const justified = (override: Override | undefined): boolean =>
  override !== undefined && override.justification.trim().length >= MIN_JUSTIFICATION_LENGTH;

/** A prescription may be issued with no BLOCK and a justification for every WARN. */
export function acceptance(evaluation: Evaluation, overrides: readonly Override[]): Acceptance {
  const byRule = new Map(overrides.map((override) => [override.ruleId, override]));
  const warned = evaluation.results.filter((result) => result.outcome === 'WARN').map((result) => result.ruleId);
  const blocked = evaluation.results.filter((result) => result.outcome === 'BLOCK').map((result) => result.ruleId);
  const unjustified = warned.filter((ruleId) => !justified(byRule.get(ruleId)));
  return {
    accepted: blocked.length === 0 && unjustified.length === 0,
    blocked,
    unjustified,
    overrides: warned.flatMap((ruleId) => {
      const override = byRule.get(ruleId);
      return override && justified(override) ? [{ ruleId, justification: override.justification.trim() }] : [];
    }),
  };
}
