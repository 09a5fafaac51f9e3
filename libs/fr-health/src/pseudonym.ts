import { createHmac } from 'node:crypto';
import { validateNir } from './nir';

/**
 * The patient pseudonym carried by events, tokens and audit entries instead of
 * the NIR (ARCHITECTURE.md, "Events on Kafka"):
 *
 *   lowercase hex( HMAC-SHA256( key = UTF-8 bytes of `secret`,
 *                               message = UTF-8 bytes of the normalised NIR ) )
 *
 * The normalised NIR is the 15 characters with spaces removed and letters upper
 * case (`2A`/`2B`), key included, so "1 84 12 2a ..." and "184122A..." give the
 * same pseudonym. Every service must compute it the same way: do not change it.
 */
export function patientPseudonym(nir: string, secret: string): string {
  if (secret.length === 0) throw new Error('patientPseudonym: the secret must not be empty');
  const checked = validateNir(nir);
  // Pseudonymising a mistyped NIR would silently create a second patient.
  if (!checked.ok) throw new Error(`patientPseudonym: ${checked.reason}`);
  return createHmac('sha256', secret).update(checked.nir, 'utf8').digest('hex');
}

export const PSEUDONYM_PATTERN = /^[0-9a-f]{64}$/;

export const isPseudonym = (value: unknown): value is string =>
  typeof value === 'string' && PSEUDONYM_PATTERN.test(value);
