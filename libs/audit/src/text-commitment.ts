import { sha256 } from '@noble/hashes/sha2.js';
import { fromHex, toHex } from './hex';

/** Bytes of the salt a commitment is made with (API.md). */
export const COMMITMENT_SALT_BYTES = 16;

/**
 * The commitment of a free text: hex SHA-256(salt || UTF-8 text). The salt
 * keeps a short or guessable text (a reason among a few) from being found by
 * hashing candidates; disclosing text and salt proves the text was the one committed.
 */
export function textCommitment(saltHex: string, text: string): string {
  const salt = fromHex(saltHex);
  if (salt.length !== COMMITMENT_SALT_BYTES) throw new Error(`a commitment salt is ${COMMITMENT_SALT_BYTES} bytes`);
  const utf8 = new TextEncoder().encode(text);
  const bytes = new Uint8Array(salt.length + utf8.length);
  bytes.set(salt, 0);
  bytes.set(utf8, salt.length);
  return toHex(sha256(bytes));
}

export const commitmentMatches = (commitment: string, saltHex: string, text: string): boolean =>
  /^[0-9a-f]{32}$/.test(saltHex) && textCommitment(saltHex, text) === commitment;
