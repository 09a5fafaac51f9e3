import type { ErrorDetail } from '@app/contracts';
import type { ValidationError } from 'class-validator';

/**
 * class-validator's error tree -> one detail per bad field, named by its path
 * in the request body: `overrides[0].justification`, `patient.nir`.
 */
export function validationErrorsToDetails(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = error.constraints ? [detailOf(path, error.constraints)] : [];
    return [...own, ...validationErrorsToDetails(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function detailOf(field: string, constraints: Record<string, string>): ErrorDetail {
  const [first] = Object.keys(constraints);
  return { field, code: constraintCode(first), message: Object.values(constraints).join('; ') };
}

/** `isNotEmpty` -> `IS_NOT_EMPTY`; an unknown property is `UNKNOWN_FIELD`. */
export function constraintCode(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
