import { digitSum, luhnValid } from './check-digits';
import type { ValidationResult } from './validation-result';

/**
 * La Poste put all its establishments under one SIREN; there are too many for
 * Luhn's single check digit, so INSEE checks those SIRETs by "sum of the 14
 * digits is a multiple of 5". Only its head office keeps a Luhn-valid SIRET.
 */
export const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** SIRET: 14 digits (SIREN = first 9, then NIC) with a Luhn check. */
export function validateSiret(input: unknown): ValidationResult {
  if (typeof input !== 'string') return { ok: false, reason: 'SIRET must be a string' };
  if (!/^\d{14}$/.test(input)) return { ok: false, reason: `SIRET must be exactly 14 digits; got ${input.length} characters` };
  if (input.startsWith(LA_POSTE_SIREN)) {
    if (input === LA_POSTE_HEAD_OFFICE_SIRET || digitSum(input) % 5 === 0) return { ok: true, value: input };
    return { ok: false, reason: 'SIRET of La Poste (SIREN 356000000) must have a digit sum that is a multiple of 5' };
  }
  if (!luhnValid(input)) return { ok: false, reason: 'SIRET fails its Luhn check' };
  return { ok: true, value: input };
}

export const isValidSiret = (input: unknown): boolean => validateSiret(input).ok;

/** The SIREN (legal unit) of a SIRET. */
export const sirenOf = (siret: string): string => siret.slice(0, 9);
