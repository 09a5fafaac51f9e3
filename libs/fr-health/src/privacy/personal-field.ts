import { gcmOpen, gcmSeal } from './aes-gcm';
import type { DataKey } from './data-key';
import { assertGeneration } from './master-key-wrapper';
import { CiphertextAuthenticationError } from './privacy-errors';

/**
 * A personal field encrypted under one generation of its patient's data key
 * (AES-256-GCM):
 *
 *   pf1.<generation>.<iv b64url>.<tag b64url>.<ciphertext b64url>
 *
 * The generation says which of the patient's keys opens it, so a reader
 * knows an erased one without trying; the format tag and generation are
 * authenticated with the caller's associated data (fieldAad), so neither can
 * be rewritten.
 */
export const PERSONAL_FIELD_FORMAT = 'pf1';
const TOKEN = /^pf1\.([1-9][0-9]{0,9})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

export const isPersonalField = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);

/** The data key generation a personal field was encrypted under, read from the token alone. */
export function generationOf(token: string): number {
  return assertGeneration(Number(parse(token).generation));
}

export function encryptPersonalField(plaintext: string, dataKey: DataKey, aad: string): string {
  const generation = assertGeneration(dataKey.generation);
  const { iv, tag, ciphertext } = gcmSeal(dataKey.key, Buffer.from(plaintext, 'utf8'), boundAad(generation, aad), 'data key');
  return [PERSONAL_FIELD_FORMAT, String(generation), ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/** `key` must be the generation the token names (generationOf). Throws CiphertextAuthenticationError otherwise, or when `aad` differs. */
export function decryptPersonalField(token: string, key: Buffer, aad: string): string {
  const { generation, iv, tag, ciphertext } = parse(token);
  const parts = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url') };
  return gcmOpen(key, parts, boundAad(Number(generation), aad), 'personal field').toString('utf8');
}

function parse(token: string) {
  const match = TOKEN.exec(token);
  if (!match) throw new CiphertextAuthenticationError(`a personal field must be '${PERSONAL_FIELD_FORMAT}.<generation>.<iv>.<tag>.<ciphertext>'`);
  const [, generation, iv, tag, ciphertext] = match;
  return { generation, iv, tag, ciphertext };
}

const boundAad = (generation: number, aad: string): string => `${PERSONAL_FIELD_FORMAT}.${generation}|${aad}`;
