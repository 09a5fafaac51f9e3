import { randomBytes } from 'node:crypto';
import { COMMITMENT_SALT_BYTES, textCommitment } from '@app/audit';
import type { SealedTextV1 } from '@app/contracts';
import type { DataKey } from './data-key';
import { decryptPersonalField, encryptPersonalField } from './personal-field';
import { CiphertextAuthenticationError } from './privacy-errors';

/** What a sealed text's ciphertext opens to: the text and the salt of its commitment. */
export interface OpenedText {
  text: string;
  salt: string;
}

/**
 * A free text as it is kept and carried (API.md "Audit ledger"): the
 * commitment the audit entry holds, and `{ salt, text }` encrypted by
 * `encrypt` (under a patient's data key, or a service's own text key), so a
 * disclosure later proves the text against the commitment.
 */
export function sealTextWith(text: string, encrypt: (json: string) => string): SealedTextV1 {
  const salt = randomBytes(COMMITMENT_SALT_BYTES).toString('hex');
  return { commitment: textCommitment(salt, text), ciphertext: encrypt(JSON.stringify({ salt, text })) };
}

export function openTextWith(ciphertext: string, decrypt: (token: string) => string): OpenedText {
  const opened: unknown = JSON.parse(decrypt(ciphertext));
  if (!isOpenedText(opened)) throw new CiphertextAuthenticationError('a sealed text opens to { salt, text }');
  return { text: opened.text, salt: opened.salt };
}

/** A free text about a patient, under their data key, bound to its row and field by `aad` (fieldAad). */
export const sealPersonalText = (text: string, dataKey: DataKey, aad: string): SealedTextV1 =>
  sealTextWith(text, (json) => encryptPersonalField(json, dataKey, aad));

export const openPersonalText = (ciphertext: string, key: Buffer, aad: string): OpenedText =>
  openTextWith(ciphertext, (token) => decryptPersonalField(token, key, aad));

const isOpenedText = (value: unknown): value is OpenedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OpenedText).text === 'string' &&
  typeof (value as OpenedText).salt === 'string' &&
  /^[0-9a-f]{32}$/.test((value as OpenedText).salt);
