import { randomBytes } from 'node:crypto';
import { fieldAad } from './field-aad';
import { decryptPersonalField, encryptPersonalField, generationOf, isPersonalField } from './personal-field';
import { CiphertextAuthenticationError } from './privacy-errors';

const dataKey = { generation: 3, key: randomBytes(32) };
const ROW = 'prescription:0196a1b2-0000-7000-8000-000000000001';
const aad = fieldAad(ROW, 'patient.identity');

describe('personal fields under a data key', () => {
  it('round-trips, non-ASCII and empty text included, with a fresh IV each time', () => {
    for (const plaintext of ['{"nir":"184037512345690","birthDate":"1984-03-01"}', 'Élodie Müller', '']) {
      const token = encryptPersonalField(plaintext, dataKey, aad);
      expect(isPersonalField(token)).toBe(true);
      expect(token).not.toContain('184037512345690');
      expect(decryptPersonalField(token, dataKey.key, aad)).toBe(plaintext);
    }
    expect(encryptPersonalField('x', dataKey, aad)).not.toBe(encryptPersonalField('x', dataKey, aad));
  });

  it('names its format and the generation of the key it was encrypted under, read from the ciphertext alone', () => {
    const token = encryptPersonalField('Dupont', dataKey, aad);
    expect(token.split('.').slice(0, 2)).toEqual(['pf1', '3']);
    expect(generationOf(token)).toBe(3);
    expect(generationOf(encryptPersonalField('Dupont', { generation: 12, key: dataKey.key }, aad))).toBe(12);
    expect(() => generationOf('v1.aaaa.bbbb.cccc')).toThrow("a personal field must be 'pf1.<generation>.<iv>.<tag>.<ciphertext>'");
  });

  it('does not open when moved to another row or another field', () => {
    const token = encryptPersonalField('Dupont', dataKey, aad);
    const otherRow = fieldAad('prescription:0196a1b2-0000-7000-8000-000000000002', 'patient.identity');
    const otherField = fieldAad(ROW, 'cancellation.reason');
    for (const moved of [otherRow, otherField]) {
      expect(() => decryptPersonalField(token, dataKey.key, moved)).toThrow(CiphertextAuthenticationError);
      expect(() => decryptPersonalField(token, dataKey.key, moved)).toThrow('personal field failed authentication');
    }
  });

  it("does not open under another key (another patient's, or another generation's) nor with its generation rewritten", () => {
    const token = encryptPersonalField('Dupont', dataKey, aad);
    expect(() => decryptPersonalField(token, randomBytes(32), aad)).toThrow(CiphertextAuthenticationError);
    const relabelled = token.replace(/^pf1\.3\./, 'pf1.4.');
    expect(generationOf(relabelled)).toBe(4);
    expect(() => decryptPersonalField(relabelled, dataKey.key, aad)).toThrow(CiphertextAuthenticationError);
  });

  it('detects a flipped bit of the ciphertext, tag or IV', () => {
    const [format, generation, ...parts] = encryptPersonalField('Dupont', dataKey, aad).split('.');
    for (let i = 0; i < parts.length; i += 1) {
      const bytes = Buffer.from(parts[i], 'base64url');
      bytes[0] ^= 1;
      const tampered = [format, generation, ...parts.map((p, j) => (j === i ? bytes.toString('base64url') : p))].join('.');
      expect(() => decryptPersonalField(tampered, dataKey.key, aad)).toThrow(CiphertextAuthenticationError);
    }
  });

  it('builds one unambiguous associated data string from row and field', () => {
    expect(fieldAad('prescription:abc', 'patient.identity')).toBe('prescription:abc#patient.identity');
    expect(() => fieldAad('a#b', 'c')).toThrow('the row must be non-empty');
    expect(() => fieldAad('a', '')).toThrow('the field must be non-empty');
    expect(() => fieldAad('a', 'b\nc')).toThrow('the field must be non-empty');
  });

  it('refuses a generation that is no positive integer', () => {
    expect(() => encryptPersonalField('x', { generation: 0, key: dataKey.key }, aad)).toThrow('a data key generation is a positive integer');
  });
});
