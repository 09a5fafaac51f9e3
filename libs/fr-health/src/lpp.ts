import type { ValidationResult } from './validation-result';

/** LPP code (Liste des Produits et Prestations): 7 digits, no check digit. */
export function validateLppCode(input: unknown): ValidationResult {
  if (typeof input !== 'string') return { ok: false, reason: 'LPP code must be a string' };
  if (!/^\d{7}$/.test(input)) return { ok: false, reason: `LPP code must be exactly 7 digits; got ${input.length} characters` };
  return { ok: true, value: input };
}

export const isValidLppCode = (input: unknown): boolean => validateLppCode(input).ok;
