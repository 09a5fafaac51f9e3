import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateSigningKeyPem, publicKeyFromPem, publicKeyToPem, signingKeyFromPem } from './ed25519-pem';
import { keyIdOf } from './tree-head';

// node:crypto is the reference here: the isomorphic code must read and write the same PEM and key ids.
describe('Ed25519 PEM without node:crypto', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('reads a PKCS#8 key OpenSSL wrote and signs what node:crypto verifies', () => {
    const key = signingKeyFromPem(privatePem);
    expect(key.keyId).toBe(keyIdOf(publicPem));
    const message = new TextEncoder().encode('entry');
    expect(verify(null, message, publicKey, ed25519.sign(message, key.secretKey))).toBe(true);
    expect(publicKeyToPem(key.publicKey)).toBe(publicPem);
  });

  it('accepts the literal \\n an environment variable carries', () => {
    expect(signingKeyFromPem(privatePem.replace(/\n/g, '\\n')).keyId).toBe(keyIdOf(publicPem));
  });

  it('writes PEM that node:crypto reads back as the same keys', () => {
    const pair = generateSigningKeyPem();
    const nodePrivate = createPrivateKey(pair.privateKeyPem);
    expect(nodePrivate.asymmetricKeyType).toBe('ed25519');
    expect(createPublicKey(pair.publicKeyPem).export({ type: 'spki', format: 'pem' }).toString()).toBe(pair.publicKeyPem);
    expect(keyIdOf(pair.publicKeyPem)).toBe(pair.keyId);
    const signature = sign(null, Buffer.from('x'), nodePrivate);
    expect(ed25519.verify(signature, new TextEncoder().encode('x'), publicKeyFromPem(pair.publicKeyPem))).toBe(true);
  });

  it.each([
    ['a public key as private', () => signingKeyFromPem(publicPem)],
    ['a private key as public', () => publicKeyFromPem(privatePem)],
    ['an EC key', () => signingKeyFromPem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())],
    ['junk', () => signingKeyFromPem('-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----')],
    ['not a string', () => signingKeyFromPem(42 as unknown as string)],
  ])('refuses %s', (_what, parse) => {
    expect(parse).toThrow(TypeError);
  });
});
