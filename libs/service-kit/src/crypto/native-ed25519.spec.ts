import { generateSigningKey, NOBLE_ED25519 } from '@app/audit';
import { randomBytes } from 'node:crypto';
import { NATIVE_ED25519 } from './native-ed25519';

/**
 * Services seal and the ledger verifies with the native primitive; the offline
 * verifier and a browser with noble. They must be one function: the same
 * deterministic signatures, the same verdicts, on good and on bad input.
 */
describe('the native Ed25519 primitive computes what @noble/curves computes', () => {
  const keys = Array.from({ length: 8 }, () => generateSigningKey());
  const messages = [new Uint8Array(0), randomBytes(48), randomBytes(700), new TextEncoder().encode('{"a":"é"}')];

  it('signs every message to the very same bytes (RFC 8032 signatures are deterministic)', () => {
    for (const key of keys) {
      for (const message of messages) {
        expect(Buffer.from(NATIVE_ED25519.sign(message, key.secretKey)).toString('hex')).toBe(
          Buffer.from(NOBLE_ED25519.sign(message, key.secretKey)).toString('hex'),
        );
      }
    }
  });

  it('gives the same verdict on a good signature, a flipped bit, another message, another key and malformed input', () => {
    const [key, other] = keys;
    const message = messages[2];
    const good = NOBLE_ED25519.sign(message, key.secretKey);
    const flipped = Uint8Array.from(good, (byte, i) => (i === 10 ? byte ^ 1 : byte));
    // s >= L: a non-canonical scalar that a lax verifier would accept.
    const highS = Uint8Array.from(good, (byte, i) => (i >= 32 ? 0xff : byte));
    const cases: Array<[Uint8Array, Uint8Array, Uint8Array]> = [
      [good, message, key.publicKey],
      [flipped, message, key.publicKey],
      [good, messages[1], key.publicKey],
      [good, message, other.publicKey],
      [highS, message, key.publicKey],
      [good.subarray(0, 63), message, key.publicKey],
      [good, message, new Uint8Array(32)],
    ];
    const verdicts = (primitive: typeof NOBLE_ED25519) => cases.map(([s, m, k]) => primitive.verify(s, m, k));
    expect(verdicts(NATIVE_ED25519)).toEqual(verdicts(NOBLE_ED25519));
    expect(verdicts(NATIVE_ED25519)).toEqual([true, false, false, false, false, false, false]);
  });
});
