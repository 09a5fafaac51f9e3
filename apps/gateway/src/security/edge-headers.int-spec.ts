import type { INestApplication } from '@nestjs/common';
import { signDevToken } from '@app/auth';
import request from 'supertest';
import type { ServiceEntry } from '../registry';
import { CountingUpstream, startEdgeGateway } from '../testing/edge-test-gateway';

const token = signDevToken({ role: 'auditor' });
const CONSOLE = 'https://console.example.org';

describe('gateway edge: security headers and CORS (real sockets)', () => {
  const upstream = new CountingUpstream();
  let services: ServiceEntry[];
  let withCors: INestApplication;
  let withoutCors: INestApplication;

  beforeAll(async () => {
    services = await upstream.listen();
    withCors = await startEdgeGateway(services, { CORS_ORIGINS: `${CONSOLE},http://localhost:5173` });
    withoutCors = await startEdgeGateway(services, {});
  });

  afterAll(async () => {
    await withCors?.close();
    await withoutCors?.close();
    await upstream.close();
  });

  it("sets helmet's headers on the gateway's own answers and on proxied ones, and no X-Powered-By", async () => {
    const http = request(withoutCors.getHttpServer());
    for (const res of [await http.get('/health/live'), await http.get('/v1/devices').set('Authorization', `Bearer ${token}`), await http.get('/docs')]) {
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers a listed origin\'s preflight itself, with the headers clients send, without reaching any service', async () => {
    const before = upstream.hits;
    const res = await request(withCors.getHttpServer())
      .options('/v1/devices')
      .set('Origin', CONSOLE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key,x-correlation-id');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'x-correlation-id']),
    );
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(upstream.hits).toBe(before);
  });

  it('lets a listed origin read the answer and its correlation ids', async () => {
    const res = await request(withCors.getHttpServer()).get('/v1/devices').set('Origin', 'http://localhost:5173').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toContain('x-correlation-id');
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it('gives an unlisted origin no Access-Control-Allow-Origin, preflight or not', async () => {
    const http = request(withCors.getHttpServer());
    const preflight = await http.options('/v1/devices').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await http.get('/v1/devices').set('Origin', 'https://console.example.org.evil.example.com').set('Authorization', `Bearer ${token}`);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS header at all when no origin is configured (the default)', async () => {
    const http = request(withoutCors.getHttpServer());
    const get = await http.get('/v1/devices').set('Origin', CONSOLE).set('Authorization', `Bearer ${token}`);
    expect(get.status).toBe(200);
    const preflight = await http.options('/v1/devices').set('Origin', CONSOLE).set('Access-Control-Request-Method', 'POST');
    for (const res of [get, preflight]) {
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});
