import type { Evaluation } from '../evaluation/evaluation.types';
import type { Referential } from '../referential/referential.types';
import type { IndicationCode } from '../vocabulary';
import { block, pass, type HasRule } from './rule.types';

export const NO_DUPLICATE = 'NO_DUPLICATE';

export const duplicateMessage = (label: string): string =>
  `The patient already has an issued prescription for ${label}: renew or cancel it instead.`;

/** No other ISSUED prescription for the same patient and indication; the renewed one does not count. */
export const noDuplicate: HasRule = ({ issuedForSameIndication, renewalOf, indication }, referential) => {
  const label = referential.indications[indication].label;
  const others = issuedForSameIndication.filter((id) => id !== renewalOf);
  if (others.length > 0) return block(NO_DUPLICATE, duplicateMessage(label));
  return pass(NO_DUPLICATE, `The patient has no other issued prescription for ${label}.`);
};

/** The evaluation as the loser of a race for the same patient and indication must see it. */
export function withDuplicateBlock(evaluation: Evaluation, referential: Referential | undefined, indication: IndicationCode): Evaluation {
  const label = referential?.indications[indication]?.label ?? indication;
  return {
    ...evaluation,
    results: evaluation.results.map((result) => (result.ruleId === NO_DUPLICATE ? block(NO_DUPLICATE, duplicateMessage(label)) : result)),
  };
}
