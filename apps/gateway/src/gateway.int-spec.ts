import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { signDevToken } from '@app/auth';
import request from 'supertest';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';
import { TEST_GATEWAY_ENV } from './testing/test-gateway-env';
import { NO_TOPICS, type ServiceEntry } from './registry';

/** A tiny service on a real socket: echoes what reached it, answers readiness as told. */
class Upstream {
  ready = true;
  hits = 0;
  readonly server: Server;

  constructor(readonly name: string) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === '/health/ready') {
      res.writeHead(this.ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: this.ready ? 'ok' : 'error', error: this.ready ? {} : { kafka: { status: 'down' } } }));
      return;
    }
    if (req.url === '/docs/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ openapi: '3.0.0', info: { title: this.name } }));
      return;
    }
    this.hits += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': this.name });
    res.end(
      JSON.stringify({
        service: this.name,
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization ?? null,
        correlationId: req.headers['x-correlation-id'] ?? null,
        clientCorrelationId: req.headers['x-client-correlation-id'] ?? null,
        bodyLength: body.length,
        bodySha: sha256(body),
      }),
    );
  }
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const token = signDevToken({ role: 'auditor' });

describe('gateway (real sockets, two local upstreams)', () => {
  const devices = new Upstream('devices');
  const claims = new Upstream('claims');
  let services: ServiceEntry[];
  let gateway: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const [devicesPort, claimsPort, deadPort] = [await devices.listen(), await claims.listen(), await freePort()];
    services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      { name: 'devices', port: devicesPort, entry: 'x.ts', prefixes: ['/v1/devices'], topics: NO_TOPICS },
      { name: 'claims', port: claimsPort, entry: 'x.ts', prefixes: ['/v1/claims', '/v1/billing-runs'], topics: NO_TOPICS },
      { name: 'ledger', port: deadPort, entry: 'x.ts', prefixes: ['/v1/ledger'], topics: NO_TOPICS },
    ];
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), services, {});
    await gateway.init();
    http = request(gateway.getHttpServer());
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices.close(), claims.close()]);
  });

  it('routes each prefix to its service, path and query unchanged', async () => {
    const one = await http.get('/v1/devices/0190a1b2?status=CERTIFIED').set('Authorization', `Bearer ${token}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ service: 'devices', method: 'GET', url: '/v1/devices/0190a1b2?status=CERTIFIED' });

    const two = await http.get('/v1/billing-runs/42').set('Authorization', `Bearer ${token}`);
    expect(two.body).toMatchObject({ service: 'claims', url: '/v1/billing-runs/42' });
    expect(two.headers['x-served-by']).toBe('claims');
  });

  it("passes the Authorization through, and the client's X-Correlation-Id only as X-Client-Correlation-Id", async () => {
    const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const res = await http.get('/v1/claims').set('Authorization', `Bearer ${token}`).set('X-Correlation-Id', clientId);
    expect(res.body).toMatchObject({ authorization: `Bearer ${token}`, clientCorrelationId: clientId });
    // Even a well-formed UUID of the client's is not ours: the gateway made its own.
    expect(res.body.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.body.correlationId).not.toBe(clientId);
    expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
    expect(res.headers['x-client-correlation-id']).toBe(clientId);
  });

  it("drops a malformed client correlation id, and any X-Client-Correlation-Id the client set itself", async () => {
    for (const given of ['<script>alert(1)</script>', 'a'.repeat(129), 'two words']) {
      const res = await http.get('/v1/claims').set('Authorization', `Bearer ${token}`).set('X-Correlation-Id', given);
      expect(res.status).toBe(200);
      expect(res.body.clientCorrelationId).toBeNull();
      expect(res.headers['x-client-correlation-id']).toBeUndefined();
      expect(res.body.correlationId).not.toBe(given);
    }
    const forged = await http.get('/v1/claims').set('Authorization', `Bearer ${token}`).set('X-Client-Correlation-Id', 'forged-by-client');
    expect(forged.body.clientCorrelationId).toBeNull();
  });

  it("answers the gateway's own errors with its correlation id too, not the client's", async () => {
    const res = await http.get('/v1/unknown/1').set('Authorization', `Bearer ${token}`).set('X-Correlation-Id', 'mine-123');
    expect(res.status).toBe(404);
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-client-correlation-id']).toBe('mine-123');
  });

  it('gives a request without a correlation id one, shared with the service', async () => {
    const res = await http.get('/v1/claims').set('Authorization', `Bearer ${token}`);
    expect(res.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
  });

  it('streams request bodies untouched, even past a JSON parser limit', async () => {
    const odd = '{ "name" :  "spaced",\n "n": 1 }';
    const small = await http
      .post('/v1/devices')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(odd);
    expect(small.body).toMatchObject({ method: 'POST', bodyLength: Buffer.byteLength(odd), bodySha: sha256(odd) });

    const big = JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) });
    const large = await http
      .put('/v1/devices/1')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(big);
    expect(large.status).toBe(200);
    expect(large.body).toMatchObject({ bodyLength: big.length, bodySha: sha256(big) });
  });

  it('answers 404 with the API error body for an unknown /v1 prefix', async () => {
    const res = await http.get('/v1/unknown/1').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'REQUEST.NOT_FOUND', message: 'No service serves /v1/unknown/1', details: [] } });
  });

  it('refuses /v1 requests without a valid token before reaching any service', async () => {
    const before = devices.hits;
    const missing = await http.get('/v1/devices');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('AUTH.TOKEN_MISSING');

    const forged = await http.get('/v1/devices').set('Authorization', `Bearer ${signDevToken({ role: 'auditor', secret: 'another-secret-of-32-characters!!' })}`);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('AUTH.TOKEN_INVALID');

    const expired = await http
      .get('/v1/devices')
      .set('Authorization', `Bearer ${signDevToken({ role: 'auditor', nowMs: Date.now() - 3 * 3600_000, ttlSeconds: 60 })}`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH.TOKEN_EXPIRED');

    const longLived = await http.get('/v1/devices').set('Authorization', `Bearer ${signDevToken({ role: 'auditor', ttlSeconds: 13 * 3600 })}`);
    expect(longLived.status).toBe(401);
    expect(longLived.body.error.code).toBe('AUTH.TOKEN_LIFETIME_TOO_LONG');
    expect(devices.hits).toBe(before);
  });

  it('answers 503 DEPENDENCY.UNAVAILABLE when the service is down', async () => {
    const res = await http.get('/v1/ledger/tree-head').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: { code: 'DEPENDENCY.UNAVAILABLE', message: 'ledger is unavailable; retry later', details: [] },
    });
  });

  it('is ready only when every service is, and tells the public its status alone', async () => {
    const withDead = await http.get('/health/ready');
    expect(withDead.status).toBe(503);
    // No internal URL, no service name, no error text on the public edge.
    expect(withDead.body).toEqual({ status: 'not_ready' });
    expect(withDead.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ledger/);

    const live = services.filter((s) => s.name !== 'ledger');
    const healthy = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), live, {});
    await healthy.init();
    try {
      const ready = await request(healthy.getHttpServer()).get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready' });

      claims.ready = false;
      const oneDown = await request(healthy.getHttpServer()).get('/health/ready');
      expect(oneDown.status).toBe(503);
      expect(oneDown.body).toEqual({ status: 'not_ready' });
    } finally {
      claims.ready = true;
      await healthy.close();
    }
  });

  it('gives the details (which service, which URL, which error) to an admin only', async () => {
    expect((await http.get('/health/ready/details')).status).toBe(401);
    const notAdmin = await http.get('/health/ready/details').set('Authorization', `Bearer ${token}`);
    expect(notAdmin.status).toBe(403);

    const details = await http.get('/health/ready/details').set('Authorization', `Bearer ${signDevToken({ role: 'admin' })}`);
    expect(details.status).toBe(503);
    expect(details.body.status).toBe('not_ready');
    expect(details.body.error).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE', message: 'Not ready: ledger not ready' });
    expect(details.body.checks.ledger).toMatchObject({ status: 'down', error: 'ECONNREFUSED', url: expect.stringContaining('127.0.0.1') });
    expect(details.body.checks.devices.status).toBe('up');
  });

  it('is live whatever the services do', async () => {
    expect((await http.get('/health/live')).status).toBe(200);
  });

  it('counts proxied requests in /metrics by the prefix that routed them, not by raw path', async () => {
    const metrics = await http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/v1\/devices\/:path"[^}]*status_code="200"/);
    expect(metrics.text).not.toContain('0190a1b2');
  });

  it("links every service's OpenAPI document at /docs and serves it through the gateway", async () => {
    const page = await http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('href="/docs/devices/json"');

    const index = await http.get('/docs/services.json');
    expect(index.body.services.map((s: { name: string }) => s.name)).toEqual(['devices', 'claims', 'ledger']);

    const doc = await http.get('/docs/devices/json');
    expect(doc.status).toBe(200);
    expect(doc.body).toEqual({ openapi: '3.0.0', info: { title: 'devices' } });
  });
});
