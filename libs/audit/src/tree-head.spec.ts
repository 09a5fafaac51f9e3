import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { signingKeyFromPem } from './ed25519-pem';
import { toHex } from './hex';
import { keyIdOf, ledgerPublicKey, signTreeHead, treeHeadSigningBytes, verifyTreeHead, type SignedTreeHead } from './tree-head';

// node:crypto generates the key and checks the signatures: libs/audit must agree with OpenSSL.
const { privateKey: nodePrivateKey, publicKey } = generateKeyPairSync('ed25519');
const privateKey = signingKeyFromPem(nodePrivateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const root = createHash('sha256').update('root').digest();
const timestampMs = Date.UTC(2025, 10, 28, 9, 30, 15, 123);

describe('tree head signing bytes', () => {
  it('are timestamp ms (uint64 BE) || size (uint64 BE) || root: 48 bytes', () => {
    const bytes = treeHeadSigningBytes(0x0102030405, 2 ** 40 + 7, root);
    expect(bytes).toHaveLength(48);
    expect(toHex(bytes.subarray(0, 8))).toBe('0000000102030405');
    expect(toHex(bytes.subarray(8, 16))).toBe('0000010000000007');
    expect(toHex(bytes.subarray(16))).toBe(toHex(root));
  });

  it('refuse a root that is not 32 bytes and negative or fractional numbers', () => {
    expect(() => treeHeadSigningBytes(1, 1, root.subarray(1))).toThrow(RangeError);
    expect(() => treeHeadSigningBytes(-1, 1, root)).toThrow(RangeError);
    expect(() => treeHeadSigningBytes(1, 1.5, root)).toThrow(RangeError);
  });
});

describe('signed tree heads (Ed25519)', () => {
  const head = signTreeHead(privateKey, timestampMs, 42, root);

  it('serve the API.md shape: ISO timestamp with ms, lowercase hex', () => {
    expect(head).toEqual({
      treeSize: 42,
      rootHash: root.toString('hex'),
      timestamp: '2025-11-28T09:30:15.123Z',
      signature: expect.stringMatching(/^[0-9a-f]{128}$/),
      keyId: keyIdOf(publicKeyPem),
    });
  });

  it('verify with the public key PEM, here and under OpenSSL', () => {
    expect(verifyTreeHead(publicKeyPem, head)).toBe(true);
    expect(verify(null, treeHeadSigningBytes(timestampMs, 42, root), publicKey, Buffer.from(head.signature, 'hex'))).toBe(true);
  });

  it.each<[string, Partial<SignedTreeHead>]>([
    ['size', { treeSize: 43 }],
    ['root', { rootHash: createHash('sha256').update('other').digest('hex') }],
    ['timestamp', { timestamp: '2025-11-28T09:30:15.124Z' }],
    ['timestamp spelling', { timestamp: '2025-11-28T10:30:15.123+01:00' }],
    ['signature', { signature: head.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) }],
    ['truncated signature', { signature: head.signature.slice(0, 126) }],
    ['key id', { keyId: '0'.repeat(64) }],
    ['malformed root', { rootHash: 'zz' }],
  ])('fail when the %s is altered', (_, change) => {
    expect(verifyTreeHead(publicKeyPem, { ...head, ...change })).toBe(false);
  });

  it('fail under another key or a malformed PEM', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyTreeHead(other, { ...head, keyId: keyIdOf(other) })).toBe(false);
    expect(verifyTreeHead('not a key', head)).toBe(false);
  });

  it('are verified with Ed25519 keys only', () => {
    const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyTreeHead(ecPem, head)).toBe(false);
  });
});

describe('key id', () => {
  it('is the SHA-256 of the SPKI DER, the same from the private key or the public key PEM', () => {
    const expected = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    expect(privateKey.keyId).toBe(expected);
    expect(keyIdOf(publicKeyPem)).toBe(expected);
    expect(ledgerPublicKey(privateKey)).toEqual({ keyId: expected, algorithm: 'Ed25519', publicKeyPem });
  });
});
