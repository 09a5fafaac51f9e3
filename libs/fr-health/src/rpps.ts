import type { ValidationResult } from './validation-result';

/**
 * RPPS (physician identifier): 11 digits. Real RPPS numbers also carry a Luhn
 * key, but DOMAIN.md only requires 11 digits, and rejecting on the key would
 * turn away test and legacy identifiers that clients send today.
 */
export function validateRpps(input: unknown): ValidationResult {
  if (typeof input !== 'string') return { ok: false, reason: 'RPPS must be a string' };
  if (!/^\d{11}$/.test(input)) return { ok: false, reason: `RPPS must be exactly 11 digits; got ${input.length} characters` };
  return { ok: true, value: input };
}

export const isValidRpps = (input: unknown): boolean => validateRpps(input).ok;
