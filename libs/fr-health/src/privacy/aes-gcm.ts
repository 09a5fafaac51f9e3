import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CiphertextAuthenticationError } from './privacy-errors';

/** AES-256-GCM with a fresh 96-bit IV and a full 128-bit tag, the one cipher of this folder. */
export const AES_KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface GcmParts {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function assertKey(key: Buffer, what: string): void {
  if (key.length !== AES_KEY_BYTES) throw new Error(`${what} must be ${AES_KEY_BYTES} bytes; got ${key.length}`);
}

export function gcmSeal(key: Buffer, plaintext: Buffer, aad: string, what: string): GcmParts {
  assertKey(key, what);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Throws CiphertextAuthenticationError when the key or the associated data is not the one it was sealed with. */
export function gcmOpen(key: Buffer, parts: GcmParts, aad: string, what: string): Buffer {
  assertKey(key, what);
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) {
    throw new CiphertextAuthenticationError(`${what}: malformed IV or tag`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
  } catch {
    throw new CiphertextAuthenticationError(`${what} failed authentication (wrong key, moved to another row or field, or tampered)`);
  }
}
