import { createHmac, generateKeyPairSync } from 'node:crypto';
import { DomainError, ERROR_CODES } from '@app/contracts';
import { sign } from 'jsonwebtoken';
import type { AuthConfig } from './auth.config';
import { DEV_JWT_SECRET } from './dev-secrets';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier.service';

const hsConfig: AuthConfig = { jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 };
const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const rsConfig: AuthConfig = { jwtSecret: DEV_JWT_SECRET, jwtPublicKey: publicKey, clockToleranceSeconds: 0 };
const now = () => Math.floor(Date.now() / 1000);
const adminClaims = () => ({ sub: 'u1', role: 'admin', exp: now() + 600 });

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function refusal(verifier: JwtVerifier, token: string): Promise<DomainError> {
  const error = await verifier.verify(token).then(
    () => new Error('token was accepted'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return error;
}

describe('JwtVerifier with HS256 (development)', () => {
  const verifier = new JwtVerifier(hsConfig);

  it('accepts a development token and returns its principal', async () => {
    await expect(verifier.verify(signDevToken({ role: 'vendor', org: '73282932000074', sub: 'v1' }))).resolves.toEqual({
      sub: 'v1',
      role: 'vendor',
      org: '73282932000074',
    });
  });

  it('reports an expired token with its expiry time', async () => {
    const exp = now() - 120;
    const error = await refusal(verifier, sign({ ...adminClaims(), exp }, DEV_JWT_SECRET));
    expect(error.code).toBe(ERROR_CODES.authExpired);
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toBe(`token expired at ${new Date(exp * 1000).toISOString()}`);
  });

  it('judges token times by the real time, not the shifted platform clock', async () => {
    process.env.CLOCK_OFFSET = '+40d';
    try {
      await expect(verifier.verify(signDevToken({ role: 'auditor', ttlSeconds: 3600 }))).resolves.toMatchObject({ role: 'auditor' });
    } finally {
      delete process.env.CLOCK_OFFSET;
    }
  });

  it('refuses a token that is not yet valid', async () => {
    const error = await refusal(verifier, sign({ ...adminClaims(), nbf: now() + 300 }, DEV_JWT_SECRET));
    expect(error.code).toBe(ERROR_CODES.authInvalid);
    expect(error.message).toMatch(/not valid before/);
  });

  it('refuses a wrong signature', async () => {
    const error = await refusal(verifier, sign(adminClaims(), 'another-secret-entirely'));
    expect(error.code).toBe(ERROR_CODES.authInvalid);
    expect(error.message).toBe('invalid token: invalid signature');
  });

  it('refuses malformed tokens', async () => {
    for (const token of ['', 'not-a-jwt', 'a.b.c', `${b64url({ alg: 'HS256' })}.###.sig`]) {
      const error = await refusal(verifier, token);
      expect(error.code).toBe(ERROR_CODES.authInvalid);
    }
  });

  it('refuses alg none and RS256 tokens', async () => {
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(adminClaims())}.`;
    expect((await refusal(verifier, unsigned)).message).toMatch(/algorithm none is not accepted; expected HS256/);
    const rs = sign(adminClaims(), privateKey, { algorithm: 'RS256' });
    expect((await refusal(verifier, rs)).message).toMatch(/algorithm RS256 is not accepted/);
  });

  it('checks the claims after the signature', async () => {
    const error = await refusal(verifier, sign({ sub: 'u', role: 'vendor', exp: now() + 60 }, DEV_JWT_SECRET));
    expect(error.message).toMatch(/'org' is required for role vendor/);
  });

  it('pins issuer and audience when configured', async () => {
    const pinned = new JwtVerifier({ ...hsConfig, issuer: 'https://idp', audience: 'platform' });
    await expect(pinned.verify(sign(adminClaims(), DEV_JWT_SECRET, { issuer: 'https://idp', audience: 'platform' }))).resolves.toBeDefined();
    expect((await refusal(pinned, sign(adminClaims(), DEV_JWT_SECRET, { issuer: 'https://idp' }))).message).toMatch(/audience/);
  });
});

describe('JwtVerifier: how long a token may live', () => {
  const verifier = new JwtVerifier(hsConfig);

  it('accepts a token of exactly 12 hours, refuses one of 12 hours and a second with its own code', async () => {
    const iat = now() - 60;
    await expect(verifier.verify(sign({ ...adminClaims(), iat, exp: iat + 12 * 3600 }, DEV_JWT_SECRET))).resolves.toMatchObject({ role: 'admin' });
    const error = await refusal(verifier, sign({ ...adminClaims(), iat, exp: iat + 12 * 3600 + 1 }, DEV_JWT_SECRET));
    expect(error.code).toBe(ERROR_CODES.authLifetimeTooLong);
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toBe("token lives 43201 s from 'iat' to 'exp'; at most 43200 s are accepted");
  });

  it('requires iat, and refuses one in the future', async () => {
    const noIat = await refusal(verifier, sign(adminClaims(), DEV_JWT_SECRET, { noTimestamp: true }));
    expect(noIat.code).toBe(ERROR_CODES.authInvalid);
    expect(noIat.message).toBe("invalid token: claim 'iat' (issued at) is required");
    const future = await refusal(verifier, sign({ ...adminClaims(), iat: now() + 300 }, DEV_JWT_SECRET));
    expect(future.message).toBe("invalid token: claim 'iat' is in the future");
  });

  it('keeps a shorter configured lifetime, and never a longer one than 12 hours', async () => {
    const iat = now();
    const oneHour = new JwtVerifier({ ...hsConfig, maxLifetimeSeconds: 3600 });
    expect((await refusal(oneHour, sign({ ...adminClaims(), iat, exp: iat + 3601 }, DEV_JWT_SECRET))).code).toBe(ERROR_CODES.authLifetimeTooLong);
    const twoDays = new JwtVerifier({ ...hsConfig, maxLifetimeSeconds: 2 * 86_400 });
    expect((await refusal(twoDays, sign({ ...adminClaims(), iat, exp: iat + 86_400 }, DEV_JWT_SECRET))).code).toBe(ERROR_CODES.authLifetimeTooLong);
  });
});

describe('JwtVerifier with RS256 (public key)', () => {
  const verifier = new JwtVerifier(rsConfig);

  it('accepts a token signed by the private key', async () => {
    expect(verifier.algorithm).toBe('RS256');
    await expect(verifier.verify(sign(adminClaims(), privateKey, { algorithm: 'RS256' }))).resolves.toEqual({ sub: 'u1', role: 'admin' });
  });

  it('refuses HS256 tokens, even one keyed with the public key itself', async () => {
    expect((await refusal(verifier, signDevToken({ role: 'admin' }))).message).toMatch(/algorithm HS256 is not accepted; expected RS256/);
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const body = b64url(adminClaims());
    const mac = createHmac('sha256', publicKey).update(`${header}.${body}`).digest('base64url');
    expect((await refusal(verifier, `${header}.${body}.${mac}`)).code).toBe(ERROR_CODES.authInvalid);
  });

  it('refuses a token signed by another key pair', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect((await refusal(verifier, sign(adminClaims(), other, { algorithm: 'RS256' }))).message).toBe('invalid token: invalid signature');
  });
});
