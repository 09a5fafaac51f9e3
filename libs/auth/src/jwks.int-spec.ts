import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpException } from '@nestjs/common';
import { DomainError, ERROR_CODES } from '@app/contracts';
import { sign } from 'jsonwebtoken';
import { JwtVerifier } from './jwt-verifier.service';

// A real JWKS endpoint on loopback, as an identity provider would publish it.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'platform-key-2026';
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] };

describe('JwtVerifier with a JWKS URL', () => {
  let server: Server;
  let jwksUrl: string;
  let fetches = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const claims = () => ({ sub: 'a1', role: 'auditor', exp: Math.floor(Date.now() / 1000) + 600 });
  const verifierFor = (url: string) => new JwtVerifier({ jwtSecret: 'unused-here', jwksUrl: url, clockToleranceSeconds: 0 });

  it('verifies an RS256 token with the published key, caching it', async () => {
    const verifier = verifierFor(jwksUrl);
    const token = sign(claims(), privateKey, { algorithm: 'RS256', keyid: KID });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'a1', role: 'auditor' });
    const before = fetches;
    await expect(verifier.verify(token)).resolves.toBeDefined();
    expect(fetches).toBe(before);
  });

  it('refuses an unknown kid, a missing kid and an HS256 token with 401', async () => {
    const verifier = verifierFor(jwksUrl);
    const cases = [
      [sign(claims(), privateKey, { algorithm: 'RS256', keyid: 'rotated-away' }), /no published signing key/],
      [sign(claims(), privateKey, { algorithm: 'RS256' }), /'kid' is required/],
      [sign(claims(), 'unused-here', { algorithm: 'HS256', keyid: KID }), /algorithm HS256 is not accepted/],
    ] as const;
    for (const [token, message] of cases) {
      const error = await verifier.verify(token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ERROR_CODES.authInvalid, message: expect.stringMatching(message) });
    }
  });

  it('answers 503 DEPENDENCY.UNAVAILABLE when the key server is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verifier = verifierFor(`http://127.0.0.1:${port}/jwks.json`);
    const error = await verifier.verify(sign(claims(), privateKey, { algorithm: 'RS256', keyid: KID })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(503);
    expect((error as HttpException).getResponse()).toMatchObject({ error: { code: ERROR_CODES.dependencyUnavailable } });
  });
});
