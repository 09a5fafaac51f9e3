import { commitmentMatches } from '@app/audit';
import { isSealedText } from '@app/contracts';
import { AesServiceTextSealer } from './aes-service-text-sealer';

const KEY = '20'.repeat(32);
const AAD = 'device:0190a1b2-0000-7000-8000-000000000001#suspension.reason';
const REASON = 'Battery overheating reported on lot 42 — rappel ANSM';

describe('AesServiceTextSealer', () => {
  const sealer = new AesServiceTextSealer(KEY, 'device-certification');

  it('seals a text as its commitment and a ciphertext that opens to text and salt', () => {
    const sealed = sealer.sealText(REASON, AAD);
    expect(isSealedText(sealed)).toBe(true);
    expect(sealed.ciphertext).not.toContain('Battery');
    const opened = sealer.openText(sealed, AAD);
    expect(opened.text).toBe(REASON);
    expect(opened.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(commitmentMatches(sealed.commitment, opened.salt, opened.text)).toBe(true);
  });

  it('uses a fresh salt and IV each time: the same text twice gives two commitments and ciphertexts', () => {
    const [a, b] = [sealer.sealText(REASON, AAD), sealer.sealText(REASON, AAD)];
    expect(a.commitment).not.toBe(b.commitment);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('names its format and key in the ciphertext', () => {
    const { ciphertext } = sealer.sealText(REASON, AAD);
    expect(ciphertext.split('.').slice(0, 2)).toEqual(['st1', sealer.keyId]);
    expect(sealer.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not open a ciphertext moved to another row or field', () => {
    const sealed = sealer.sealText(REASON, AAD);
    expect(() => sealer.openText(sealed, 'device:0190a1b2-0000-7000-8000-000000000002#suspension.reason')).toThrow(/failed authentication/);
    expect(() => sealer.openText(sealed, 'device:0190a1b2-0000-7000-8000-000000000001#revocation.reason')).toThrow(/failed authentication/);
  });

  it('does not open a tampered ciphertext, nor a key label changed', () => {
    const { ciphertext } = sealer.sealText(REASON, AAD);
    const parts = ciphertext.split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    const tampered = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(() => sealer.openText({ ciphertext: tampered }, AAD)).toThrow(/failed authentication/);
    expect(() => sealer.openText({ ciphertext: ['st1', '0'.repeat(16), ...parts.slice(2)].join('.') }, AAD)).toThrow(
      `the text was sealed under text key ${'0'.repeat(16)}; this service holds ${sealer.keyId}`,
    );
    expect(() => sealer.openText({ ciphertext: 'v1.a.b.c' }, AAD)).toThrow(/must be 'st1\./);
  });

  it("keeps one service's texts from another's, and from another key", () => {
    const sealed = sealer.sealText(REASON, AAD);
    expect(() => new AesServiceTextSealer(KEY, 'patients').openText(sealed, AAD)).toThrow(/sealed under text key/);
    expect(() => new AesServiceTextSealer('21'.repeat(32), 'device-certification').openText(sealed, AAD)).toThrow(/sealed under text key/);
    expect(new AesServiceTextSealer(KEY, 'device-certification').openText(sealed, AAD).text).toBe(REASON);
  });

  it('refuses a malformed key and an empty associated data', () => {
    expect(() => new AesServiceTextSealer('abc', 's')).toThrow('TEXT_ENCRYPTION_KEY must be 64 hexadecimal characters');
    expect(() => sealer.sealText(REASON, '')).toThrow(/associated data/);
  });
});
