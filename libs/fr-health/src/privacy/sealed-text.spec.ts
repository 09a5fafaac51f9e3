import { randomBytes } from 'node:crypto';
import { commitmentMatches, textCommitment } from '@app/audit';
import { isSealedText } from '@app/contracts';
import { fieldAad } from './field-aad';
import { decryptPersonalField, generationOf } from './personal-field';
import { CiphertextAuthenticationError } from './privacy-errors';
import { openPersonalText, sealPersonalText, sealTextWith } from './sealed-text';

const dataKey = { generation: 2, key: randomBytes(32) };
const aad = fieldAad('prescription:p1', 'override.justification');
const TEXT = 'Patient Jeanne Martin, 84 ans, intolérante au traitement';

describe('sealed texts: a commitment and the encrypted { salt, text }', () => {
  it('opens to the text and the salt its commitment was made with', () => {
    const sealed = sealPersonalText(TEXT, dataKey, aad);
    expect(isSealedText(sealed)).toBe(true);
    expect(sealed.ciphertext).not.toContain('Jeanne');
    expect(generationOf(sealed.ciphertext)).toBe(2);
    const opened = openPersonalText(sealed.ciphertext, dataKey.key, aad);
    expect(opened.text).toBe(TEXT);
    expect(opened.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(decryptPersonalField(sealed.ciphertext, dataKey.key, aad))).toEqual({ salt: opened.salt, text: TEXT });
  });

  it('commits with @app/audit: the disclosed text and salt verify, a changed text or salt fails', () => {
    const sealed = sealPersonalText(TEXT, dataKey, aad);
    const { text, salt } = openPersonalText(sealed.ciphertext, dataKey.key, aad);
    expect(sealed.commitment).toBe(textCommitment(salt, text));
    expect(commitmentMatches(sealed.commitment, salt, text)).toBe(true);
    expect(commitmentMatches(sealed.commitment, salt, `${text}.`)).toBe(false);
    expect(commitmentMatches(sealed.commitment, randomBytes(16).toString('hex'), text)).toBe(false);
  });

  it('salts each seal afresh: the same text twice gives two commitments', () => {
    expect(sealPersonalText(TEXT, dataKey, aad).commitment).not.toBe(sealPersonalText(TEXT, dataKey, aad).commitment);
  });

  it('does not open in another row or field', () => {
    const sealed = sealPersonalText(TEXT, dataKey, aad);
    expect(() => openPersonalText(sealed.ciphertext, dataKey.key, fieldAad('prescription:p2', 'override.justification'))).toThrow(
      CiphertextAuthenticationError,
    );
  });

  it('seals with any cipher: a service key for text about no patient', () => {
    const sealed = sealTextWith('rejected: missing CE marking', (json) => Buffer.from(json).toString('base64'));
    const { salt, text } = JSON.parse(Buffer.from(sealed.ciphertext, 'base64').toString()) as { salt: string; text: string };
    expect(commitmentMatches(sealed.commitment, salt, text)).toBe(true);
  });
});
