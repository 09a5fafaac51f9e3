import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { ServiceEntry } from '../registry';
import { CountingUpstream, startEdgeGateway } from '../testing/edge-test-gateway';

/** The gateway's console serving, over a stand-in build: its page at any console path, its files, and API paths untouched. */
describe('the gateway serves the web console', () => {
  const upstream = new CountingUpstream();
  const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  let app: INestApplication;
  let services: ServiceEntry[];

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log("console")');
    services = await upstream.listen();
    app = await startEdgeGateway(services, { CONSOLE_DIR: dist });
  });

  afterAll(async () => {
    await app?.close();
    await upstream.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and every console path a browser navigates to with the page, never cached', async () => {
    for (const path of ['/', '/physician/prescriptions/0190', '/signin-callback?code=x']) {
      const res = await request(app.getHttpServer()).get(path).set('accept', 'text/html');
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves the hashed bundles for good, and 404s a missing one instead of the page', async () => {
    const bundle = await request(app.getHttpServer()).get('/assets/app-1a2b.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(app.getHttpServer()).get('/assets/app-0000.js').set('accept', '*/*');
    expect(missing.status).toBe(404);
  });

  it('leaves the API its own answers: JSON 404 for an unknown API path, even asked for HTML', async () => {
    const res = await request(app.getHttpServer()).get('/v1/nothing-here').set('accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: expect.any(String) } });
    const proxied = await request(app.getHttpServer()).get('/v1/devices').set('authorization', 'Bearer x');
    expect(proxied.status).toBe(401);
  });

  it('says how one signs in here: development tokens outside production, no OIDC unless configured', async () => {
    const res = await request(app.getHttpServer()).get('/console/config.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ auth: { developmentTokens: true } });
  });

  it('names the missing build instead of a blank page', async () => {
    const unbuilt = await startEdgeGateway(services, { CONSOLE_DIR: join(dist, 'nowhere') });
    try {
      const res = await request(unbuilt.getHttpServer()).get('/').set('accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'CONSOLE.NOT_BUILT', message: expect.stringContaining('npm run console:build') });
    } finally {
      await unbuilt.close();
    }
  });
});
