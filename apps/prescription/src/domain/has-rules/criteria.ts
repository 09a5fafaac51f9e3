import type { Criterion } from '../referential/referential.types';

export type CriterionStatus = 'met' | 'unmet' | 'missing';

export interface CriterionCheck {
  status: CriterionStatus;
  /** Fields of `clinical` whose absence keeps the criterion from being met. */
  missingFields: string[];
}

const isLeaf = (criterion: Criterion): criterion is Extract<Criterion, { field: string }> => 'field' in criterion;

function checkLeaf(criterion: Extract<Criterion, { field: string }>, clinical: Record<string, unknown>): CriterionCheck {
  const value = clinical[criterion.field];
  if (value === undefined || value === null) return { status: 'missing', missingFields: [criterion.field] };
  let met: boolean;
  if ('equals' in criterion) met = value === criterion.equals;
  else if ('in' in criterion) met = criterion.in.includes(value as string);
  else met = typeof value === 'number' && value >= (criterion.min ?? -Infinity) && value <= (criterion.max ?? Infinity);
  return { status: met ? 'met' : 'unmet', missingFields: [] };
}

/**
 * Checks clinical data against a criterion of the referential. An `all` is met
 * when every part is; an `any` when one is. A part that cannot be decided for
 * want of a field is `missing`, so the physician is told what to document
 * rather than that the patient is ineligible.
 */
export function checkCriterion(criterion: Criterion, clinical: Record<string, unknown>): CriterionCheck {
  if (isLeaf(criterion)) return checkLeaf(criterion, clinical);
  const parts = ('all' in criterion ? criterion.all : criterion.any).map((part) => checkCriterion(part, clinical));
  const missingFields = [...new Set(parts.filter((p) => p.status === 'missing').flatMap((p) => p.missingFields))];
  const has = (status: CriterionStatus) => parts.some((part) => part.status === status);
  if ('all' in criterion) {
    if (has('unmet')) return { status: 'unmet', missingFields: [] };
    return has('missing') ? { status: 'missing', missingFields } : { status: 'met', missingFields: [] };
  }
  if (has('met')) return { status: 'met', missingFields: [] };
  return has('missing') ? { status: 'missing', missingFields } : { status: 'unmet', missingFields: [] };
}

/** The criterion as a physician reads it. */
export function describeCriterion(criterion: Criterion): string {
  if (isLeaf(criterion)) return criterion.label;
  if ('all' in criterion) return criterion.all.map(describeCriterion).join(' and ');
  return `(${criterion.any.map(describeCriterion).join(' or ')})`;
}
