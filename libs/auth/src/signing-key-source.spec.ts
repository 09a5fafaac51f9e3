import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { DEV_JWT_SECRET } from './dev-secrets';
import { signingKeySource } from './signing-key-source';

describe('the signing key source', () => {
  it('holds the HS256 secret as one secret KeyObject, so a verify never parses it again', async () => {
    const source = signingKeySource({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 });
    const key = await source.keyFor({ alg: 'HS256' });
    expect(key).toBeInstanceOf(KeyObject);
    expect((key as KeyObject).type).toBe('secret');
    expect((key as KeyObject).export().toString('utf8')).toBe(DEV_JWT_SECRET);
    expect(await source.keyFor({ alg: 'HS256' })).toBe(key);
  });

  it('holds a configured RS256 public key as one public KeyObject', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const source = signingKeySource({ jwtSecret: DEV_JWT_SECRET, jwtPublicKey: publicKey, clockToleranceSeconds: 0 });
    const key = await source.keyFor({ alg: 'RS256' });
    expect(source.algorithm).toBe('RS256');
    expect((key as KeyObject).type).toBe('public');
    expect((key as KeyObject).export({ type: 'spki', format: 'pem' })).toBe(publicKey);
  });

  it('refuses a configured public key that is not one at start-up, not at the first request', () => {
    expect(() => signingKeySource({ jwtSecret: DEV_JWT_SECRET, jwtPublicKey: 'not a key', clockToleranceSeconds: 0 })).toThrow();
  });
});
