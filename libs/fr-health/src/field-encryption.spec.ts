import { randomBytes } from 'node:crypto';
import { decryptField, encryptField, isEncryptedField, parseEncryptionKey } from './field-encryption';

const KEY = parseEncryptionKey('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips, including non-ASCII text', () => {
    for (const plaintext of ['184037512345690', 'Élodie Müller', '']) {
      const token = encryptField(plaintext, KEY);
      expect(isEncryptedField(token)).toBe(true);
      expect(decryptField(token, KEY)).toBe(plaintext);
    }
  });

  it('produces a self-describing token with a fresh IV each time', () => {
    const a = encryptField('184037512345690', KEY);
    const b = encryptField('184037512345690', KEY);
    expect(a).not.toBe(b);
    const [version, iv, tag] = a.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(a).not.toContain('184037512345690');
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const [version, iv, tag, ciphertext] = encryptField('184037512345690', KEY).split('.');
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 0x01;
      return bytes.toString('base64url');
    };
    for (const forged of [
      [version, iv, tag, flip(ciphertext)],
      [version, iv, flip(tag), ciphertext],
      [version, flip(iv), tag, ciphertext],
    ]) {
      expect(() => decryptField(forged.join('.'), KEY)).toThrow(/failed authentication/);
    }
  });

  it('refuses the wrong key', () => {
    const token = encryptField('184037512345690', KEY);
    expect(() => decryptField(token, randomBytes(32))).toThrow(/failed authentication/);
  });

  it('refuses malformed tokens and keys', () => {
    expect(() => decryptField('v2.a.b.c', KEY)).toThrow(/v1/);
    expect(() => decryptField('v1.AAAA.AAAA.AAAA', KEY)).toThrow(/malformed IV or tag/);
    expect(() => encryptField('x', randomBytes(16))).toThrow(/32 bytes/);
    expect(() => parseEncryptionKey('abcd')).toThrow(/64 hexadecimal/);
  });
});
