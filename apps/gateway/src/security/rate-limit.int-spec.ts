import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { signDevToken } from '@app/auth';
import request from 'supertest';
import type { ServiceEntry } from '../registry';
import { CountingUpstream, startEdgeGateway, uniqueRateLimitPrefix } from '../testing/edge-test-gateway';
import { PrivateRedis } from '../../../../test/support/private-redis';

const tokenOf = (sub: string) => signDevToken({ role: 'auditor', sub });
const ALICE = '0190a1b2-0000-7000-8000-00000000a11c';
const BOB = '0190a1b2-0000-7000-8000-000000000b0b';

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const get = (gateway: INestApplication, token?: string) => {
  const call = request(gateway.getHttpServer()).get('/v1/devices');
  return token ? call.set('Authorization', `Bearer ${token}`) : call;
};

function expectRefused(res: request.Response, limit: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ error: { code: 'RATE.LIMITED', message: expect.stringContaining(`at most ${limit} a minute`), details: [] } });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // Still the edge's headers on a refusal.
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('gateway rate limit (real Redis)', () => {
  const upstream = new CountingUpstream();
  let services: ServiceEntry[];
  const opened: INestApplication[] = [];
  const gateway = async (env: Record<string, string>, logs?: { write(line: string): void }) => {
    const app = await startEdgeGateway(services, env, logs);
    opened.push(app);
    return app;
  };

  beforeAll(async () => {
    services = await upstream.listen();
  });

  afterAll(async () => {
    for (const app of opened) await app.close();
    await upstream.close();
  });

  it("refuses one sub's request past the limit with 429 RATE.LIMITED and Retry-After, before the service, while another sub passes", async () => {
    const app = await gateway({ RATE_LIMIT_PER_MINUTE: '3' });
    const before = upstream.hits;
    for (let i = 0; i < 3; i += 1) {
      const res = await get(app, tokenOf(ALICE));
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toBe(`limit=3, remaining=${2 - i}, reset=${res.headers.ratelimit.split('reset=')[1]}`);
    }
    const refused = await get(app, tokenOf(ALICE));
    expectRefused(refused, 3);
    expect(refused.body.error.message).toContain('from this token');
    // A fresh token of the same user is the same budget.
    expectRefused(await get(app, signDevToken({ role: 'auditor', sub: ALICE, ttlSeconds: 600 })), 3);
    expect(upstream.hits).toBe(before + 3);

    expect((await get(app, tokenOf(BOB))).status).toBe(200);
    expect(upstream.hits).toBe(before + 4);
  });

  it('counts callers without a valid token by address, forged tokens included, and spares the users they name', async () => {
    const app = await gateway({ RATE_LIMIT_PER_MINUTE: '3' });
    const forgedAlice = signDevToken({ role: 'auditor', sub: ALICE, secret: 'another-secret-of-32-characters!!' });
    expect((await get(app)).status).toBe(401);
    expect((await get(app, forgedAlice)).status).toBe(401);
    expect((await request(app.getHttpServer()).get('/v1/devices').set('Authorization', 'Basic dXNlcjpwYXNz')).status).toBe(401);
    const refused = await get(app, forgedAlice);
    expectRefused(refused, 3);
    expect(refused.body.error.message).toContain('from this address');
    expectRefused(await get(app), 3);

    // The forged token spent the address's budget, not Alice's: she has her 3.
    for (let i = 0; i < 3; i += 1) expect((await get(app, tokenOf(ALICE))).status).toBe(200);
    expectRefused(await get(app, tokenOf(ALICE)), 3);
  });

  it('never counts probes, the metrics scrape or the documents', async () => {
    const app = await gateway({ RATE_LIMIT_PER_MINUTE: '2' });
    const http = request(app.getHttpServer());
    for (let i = 0; i < 5; i += 1) {
      expect((await http.get('/health/live')).status).toBe(200);
      expect((await http.get('/metrics')).status).toBe(200);
      expect((await http.get('/docs/services.json')).status).toBe(200);
    }
    // The address still has its whole budget.
    expect((await get(app)).status).toBe(401);
    expect((await get(app)).status).toBe(401);
    expectRefused(await get(app), 2);
  });

  it("limits the gateway's own API routes too (the patient's export)", async () => {
    const app = await gateway({ RATE_LIMIT_PER_MINUTE: '1' });
    const http = request(app.getHttpServer());
    const patient = signDevToken({ role: 'patient' });
    expect((await http.get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`)).status).not.toBe(429);
    expectRefused(await http.get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`), 1);
  });

  it('shares the count between replicas through Redis', async () => {
    const prefix = uniqueRateLimitPrefix();
    const one = await gateway({ RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_KEY_PREFIX: prefix });
    const two = await gateway({ RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_KEY_PREFIX: prefix });
    for (const app of [one, two, one, two]) expect((await get(app, tokenOf(BOB))).status).toBe(200);
    expectRefused(await get(one, tokenOf(BOB)), 4);
    expectRefused(await get(two, tokenOf(BOB)), 4);
  });

  it('keeps limiting, per replica, when Redis does not answer: never a 500, and the operator is told', async () => {
    const lines: string[] = [];
    const app = await gateway(
      { RATE_LIMIT_PER_MINUTE: '2', REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
      { write: (line: string) => void lines.push(line) },
    );
    expect((await get(app, tokenOf(ALICE))).status).toBe(200);
    expect((await get(app, tokenOf(ALICE))).status).toBe(200);
    expectRefused(await get(app, tokenOf(ALICE)), 2);
    expect((await get(app, tokenOf(BOB))).status).toBe(200);
    const warnings = lines.filter((line) => line.includes('Redis does not answer the rate limit'));
    expect(warnings).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(ALICE);
  });

  it('shares the count again once a restarted Redis answers, the count it kept included', async () => {
    const redis = await PrivateRedis.start();
    try {
      const lines: string[] = [];
      // info: the notice of recovery is an info line.
      const app = await gateway({ RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redis.url, LOG_LEVEL: 'info' }, { write: (line: string) => void lines.push(line) });
      for (let i = 0; i < 2; i += 1) expect((await get(app, tokenOf(ALICE))).status).toBe(200);

      await redis.kill('SIGKILL');
      // Redis away: this replica counts alone, from zero, and still refuses past the limit.
      for (let i = 0; i < 3; i += 1) expect((await get(app, tokenOf(ALICE))).status).toBe(200);
      expectRefused(await get(app, tokenOf(ALICE)), 3);

      await redis.startAgain();
      // Until the gateway has reconnected (bounded), with throwaway users so Alice's budget is untouched.
      const deadline = Date.now() + 15_000;
      while (!lines.some((line) => line.includes('Redis answers the rate limit again'))) {
        if (Date.now() > deadline) throw new Error(`the gateway did not reconnect to Redis:\n${lines.join('\n')}`);
        expect((await get(app, tokenOf(randomUUID()))).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Back on the shared count, which kept Alice's 2 (and lost its scripts: EVAL again).
      expect((await get(app, tokenOf(ALICE))).status).toBe(200);
      expectRefused(await get(app, tokenOf(ALICE)), 3);
    } finally {
      await redis.stop();
    }
  });
});
