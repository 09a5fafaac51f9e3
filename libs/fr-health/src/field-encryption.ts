import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for personal data that a step truly needs (ARCHITECTURE.md):
 * encrypted event fields and identity columns. The token names its format
 * version so the scheme can change without guessing:
 *
 *   v1.<iv base64url (12 bytes)>.<auth tag base64url (16 bytes)>.<ciphertext base64url>
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error(`field encryption key must be 32 bytes; got ${key.length}`);
}

/** Reads a key given as 64 hex characters (how it is set in the environment). */
export function parseEncryptionKey(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new Error('field encryption key must be 64 hexadecimal characters (32 bytes)');
  }
  return Buffer.from(hex, 'hex');
}

export function encryptField(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/** Throws when the token is malformed, was tampered with, or the key is wrong. */
export function decryptField(token: string, key: Buffer): string {
  assertKey(key);
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error(`encrypted field must be '${VERSION}.<iv>.<tag>.<ciphertext>'`);
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('encrypted field has a malformed IV or tag');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('encrypted field failed authentication (wrong key or tampered data)');
  }
}

export const isEncryptedField = (value: unknown): value is string =>
  typeof value === 'string' && /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value);
