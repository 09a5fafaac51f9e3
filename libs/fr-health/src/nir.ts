import type { ValidationResult } from './validation-result';

/**
 * French NIR (social security number), DOMAIN.md "Identifiers":
 * sex(1) year(2) month(2) department(2) commune(3) order(3) key(2).
 * Overseas departments (97x/98x) take the commune's first digit as their third.
 */
export type NirValidation = ValidationResult<'nir'>;

/** Spaces are allowed on input; Corsican letters are accepted in either case. */
export const normaliseNir = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

const SEX_DIGITS = '123478';

function monthValid(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

function departmentValid(dep: string): boolean {
  if (dep === '2A' || dep === '2B') return true;
  if (!/^\d\d$/.test(dep)) return false;
  const n = Number(dep);
  return (n >= 1 && n <= 95) || n === 97 || n === 98 || n === 99;
}

/** Key = 97 - (N mod 97), N read with 2A -> 19 and 2B -> 18. Input: the 13 first characters. */
export function nirKey(first13: string): number {
  const numeric = first13.slice(0, 5) + first13.slice(5, 7).replace('2A', '19').replace('2B', '18') + first13.slice(7);
  if (!/^\d{13}$/.test(numeric)) throw new RangeError('nirKey expects the 13 first characters of a NIR');
  return 97 - Number(BigInt(numeric) % 97n);
}

// Reasons name the position, never the characters: the input is personal data.
export function validateNir(input: unknown): NirValidation {
  if (typeof input !== 'string') return { ok: false, reason: 'NIR must be a string' };
  const nir = normaliseNir(input);
  if (nir.length !== 15) {
    return { ok: false, reason: `NIR must be 15 characters (13 + 2-digit key), spaces aside; got ${nir.length}` };
  }
  if (!SEX_DIGITS.includes(nir[0])) return { ok: false, reason: 'NIR sex digit (1st) must be 1, 2, 3, 4, 7 or 8' };
  if (!/^\d{4}$/.test(nir.slice(1, 5))) return { ok: false, reason: 'NIR year and month (2nd-5th) must be digits' };
  if (!monthValid(Number(nir.slice(3, 5)))) {
    return { ok: false, reason: 'NIR month (4th-5th) must be 01-12, 20-42 or 50-99' };
  }
  if (!departmentValid(nir.slice(5, 7))) {
    return { ok: false, reason: 'NIR department (6th-7th) must be 01-95, 2A, 2B, 97x, 98x or 99' };
  }
  if (!/^\d{6}$/.test(nir.slice(7, 13))) return { ok: false, reason: 'NIR commune and order number (8th-13th) must be digits' };
  if (!/^\d{2}$/.test(nir.slice(13))) return { ok: false, reason: 'NIR key (last 2) must be digits' };
  if (Number(nir.slice(13)) !== nirKey(nir.slice(0, 13))) {
    return { ok: false, reason: 'NIR key (last 2) does not match the 13 first characters' };
  }
  return { ok: true, nir };
}

export const isValidNir = (input: unknown): boolean => validateNir(input).ok;
