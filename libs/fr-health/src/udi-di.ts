import { gs1CheckDigit } from './check-digits';
import type { ValidationResult } from './validation-result';

/**
 * UDI-DI, the device identifier part of a UDI. GS1 (a GTIN-8/12/13/14, digits
 * only) is fully checked; HIBCC ('+' prefix) and ICCBBA ('=' prefix) are
 * accepted by shape only, as their check characters are not ours to verify.
 */
const GTIN_LENGTHS = [8, 12, 13, 14];
const HIBCC_SHAPE = /^\+[A-Z][A-Z0-9]{3}[A-Z0-9]{2,20}$/;
const ICCBBA_SHAPE = /^=[/A-Z0-9]{5,30}$/;

export function validateGtin(input: string): ValidationResult {
  if (!/^\d+$/.test(input) || !GTIN_LENGTHS.includes(input.length)) {
    return { ok: false, reason: 'GTIN must be 8, 12, 13 or 14 digits' };
  }
  const expected = gs1CheckDigit(input.slice(0, -1));
  if (Number(input.slice(-1)) !== expected) return { ok: false, reason: 'GTIN check digit is wrong' };
  return { ok: true, value: input };
}

export function validateUdiDi(input: unknown): ValidationResult {
  if (typeof input !== 'string') return { ok: false, reason: 'UDI-DI must be a string' };
  if (input.startsWith('+')) {
    return HIBCC_SHAPE.test(input)
      ? { ok: true, value: input }
      : { ok: false, reason: "HIBCC UDI-DI must be '+', a 4-character labeler code (letter first), then 2-20 uppercase letters or digits" };
  }
  if (input.startsWith('=')) {
    return ICCBBA_SHAPE.test(input)
      ? { ok: true, value: input }
      : { ok: false, reason: "ICCBBA UDI-DI must be '=' followed by 5-30 uppercase letters, digits or '/'" };
  }
  const gtin = validateGtin(input);
  if (!gtin.ok) return { ok: false, reason: `UDI-DI: ${gtin.reason}` };
  return gtin;
}

export const isValidUdiDi = (input: unknown): boolean => validateUdiDi(input).ok;
