import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { signDevToken } from '@app/auth';
import { PageQueryDto } from '@app/service-kit';
import { discoverHttpRoutes, type HttpRoute, schemaChanges, type ServiceTestApp, snapshotSchema } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { startClaims } from '../apps/claims/src/testing/claims.test-app';
import { startDeviceCertification } from '../apps/device-certification/src/testing/device-certification.test-app';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../apps/gateway/src/gateway.config';
import { TEST_GATEWAY_ENV } from '../apps/gateway/src/testing/test-gateway-env';
import { loadServiceRegistry } from '../apps/gateway/src/registry';
import { startEnrolment } from '../apps/enrolment/src/testing/enrolment.test-app';
import { startNotifications } from '../apps/notifications/src/testing/notifications.test-app';
import { startPatients } from '../apps/patients/src/testing/patients.test-app';
import { startPrescription } from '../apps/prescription/src/testing/prescription.test-app';
import { type BadRequest, badRequestsFor } from './bad-input/bad-requests';
import { deviceBody, spoiledKeys, spoiledValues, VENDOR_SIRET } from './bad-input/device-fields';
import { refusalProblem } from './bad-input/refusal-problem';

/**
 * The fuzzer's findings (issue item 9) on every route of every service: each
 * route is discovered from the running application, sent every bad input that
 * applies to it, directly and through the gateway, and must answer the API.md
 * refusal (400 naming the field, 413 for a body over 1 MiB), never a 5xx, and
 * write nothing: no row in any table of the service's schema, the outbox
 * included, and no sequence moved.
 */
const SERVICES: { name: string; start: () => Promise<ServiceTestApp> }[] = [
  { name: 'device-certification', start: () => startDeviceCertification() },
  { name: 'prescription', start: () => startPrescription() },
  { name: 'enrolment', start: () => startEnrolment() },
  { name: 'audit-ledger', start: () => startAuditLedger() },
  { name: 'patients', start: () => startPatients() },
  { name: 'claims', start: () => startClaims() },
  { name: 'notifications', start: () => startNotifications() },
];

jest.setTimeout(300_000);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isPaged = (route: HttpRoute): boolean =>
  route.queryType !== undefined && (route.queryType === PageQueryDto || route.queryType.prototype instanceof PageQueryDto);
const tokenFor = (route: HttpRoute): string | undefined =>
  route.isPublic ? undefined : `Bearer ${signDevToken({ role: route.roles[0] ?? 'auditor' })}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(server: unknown, bad: Pick<BadRequest, 'method' | 'url' | 'body'>, token?: string): Promise<Response> {
  const method = bad.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let call = request(server as Parameters<typeof request>[0])[method](bad.url);
  if (token) call = call.set('Authorization', token);
  // With a key, a write that got past the check would be hashed and stored by the idempotency interceptor.
  if (WRITE_METHODS.has(bad.method)) call = call.set('Idempotency-Key', randomUUID());
  if (typeof bad.body === 'string') return call.set('Content-Type', 'application/json').send(bad.body);
  return bad.body === undefined ? call : call.send(bad.body);
}

describe('bad input on every route of every service (issue item 9)', () => {
  const started = new Map<string, ServiceTestApp>();
  let gateway: INestApplication;

  const listen = async (app: INestApplication): Promise<number> => {
    await app.listen(0, '127.0.0.1');
    return (app.getHttpServer().address() as AddressInfo).port;
  };

  /** Kafka consumers catch up at start (the prescription service reads every device event ever published): wait for quiet. */
  async function settled(service: ServiceTestApp): Promise<void> {
    const deadline = Date.now() + 120_000;
    let previous = await snapshotSchema(service.dataSource, service.schema);
    for (let quiet = 0; quiet < 3; ) {
      await sleep(300);
      const next = await snapshotSchema(service.dataSource, service.schema);
      const changes = schemaChanges(previous, next);
      if (changes.length > 0 && Date.now() > deadline) throw new Error(`${service.schema} kept changing: ${changes.join(', ')}`);
      quiet = changes.length === 0 ? quiet + 1 : 0;
      previous = next;
    }
  }

  /**
   * Sends one bad request and judges the answer and the schema around it. A
   * consumer may still write what another process published meanwhile, so a
   * change is confirmed twice more before it counts: a request that writes
   * does it every time.
   */
  async function problemOf(service: ServiceTestApp, server: unknown, bad: BadRequest, token?: string): Promise<string | undefined> {
    for (let attempt = 1; ; attempt++) {
      const before = await snapshotSchema(service.dataSource, service.schema);
      const response = await send(server, bad, token);
      const after = await snapshotSchema(service.dataSource, service.schema);
      const problem = refusalProblem(response, bad.refusal);
      if (problem) return problem;
      const written = schemaChanges(before, after);
      if (written.length === 0) return undefined;
      if (attempt === 3) return `wrote ${written.join(', ')}`;
      await sleep(500);
    }
  }

  beforeAll(async () => {
    const apps = await Promise.all(SERVICES.map((service) => service.start()));
    SERVICES.forEach((service, i) => started.set(service.name, apps[i]));
    // The gateway routes the prefixes of services.json to the services started here.
    const ports = new Map(await Promise.all(SERVICES.map(async ({ name }) => [name, await listen(started.get(name)!.app)] as const)));
    const registry = loadServiceRegistry().map((entry) => ({ ...entry, port: ports.get(entry.name) ?? entry.port }));
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), registry, {});
    await gateway.init();
    await Promise.all([...started.values()].map(settled));
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([...started.values()].map((service) => service.close()));
  });

  it('discovers the routes of API.md from the applications themselves', () => {
    const routes = (name: string) => discoverHttpRoutes(started.get(name)!.app).map((route) => `${route.method} ${route.path}`);
    expect(routes('device-certification')).toEqual(
      expect.arrayContaining(['POST /v1/devices', 'PUT /v1/devices/:id', 'POST /v1/devices/:id/review', 'GET /v1/devices', 'GET /health/ready']),
    );
    expect(routes('prescription')).toEqual(expect.arrayContaining(['POST /v1/prescriptions', 'POST /v1/prescriptions/:id/cancellation']));
    expect(routes('audit-ledger')).toEqual(
      expect.arrayContaining(['GET /v1/ledger/entries', 'GET /v1/liability/prescriptions/:id', 'GET /internal/patient-export']),
    );
    expect(routes('patients')).toEqual(expect.arrayContaining(['POST /v1/patients/:pseudonym/erasure', 'GET /v1/patients/:pseudonym/erasure']));
    // Every claims route of API.md, and the simulator's (outside production).
    expect(routes('claims')).toEqual(
      expect.arrayContaining([
        'POST /v1/billing-runs',
        'GET /v1/billing-runs/:id',
        'GET /v1/claims',
        'GET /v1/claims/reason-codes',
        'GET /v1/claims/:id',
        'GET /v1/claims/:id/history',
        'POST /v1/claims/:id/adjudication',
        'POST /v1/claims/:id/cancellation',
        'POST /v1/claims/:id/contest',
        'POST /v1/claims/:id/resubmission',
        'GET /v1/tariffs',
        'GET /v1/file-active',
        'GET /v1/remittances',
        'GET /v1/remittances/:id',
        'GET /internal/patient-export',
        'PUT /internal/amo-claims-simulator',
        'PUT /internal/amo-claims-simulator/:pseudonym',
      ]),
    );
    const pagedClaims = discoverHttpRoutes(started.get('claims')!.app).filter(isPaged).map((route) => route.path).sort();
    expect(pagedClaims).toEqual(expect.arrayContaining(['/v1/claims', '/v1/remittances']));
    expect(discoverHttpRoutes(gateway).map((route) => `${route.method} ${route.path}`)).toContain('GET /v1/patients/me/export');
    const paged = discoverHttpRoutes(started.get('device-certification')!.app).filter(isPaged);
    expect(paged.map((route) => route.path)).toEqual(['/v1/devices']);
  });

  it.each(SERVICES.map((service) => service.name))(
    'refuses every bad input on every route of %s, directly and through the gateway, writing nothing',
    async (name) => {
      const service = started.get(name)!;
      const problems: string[] = [];
      for (const route of discoverHttpRoutes(service.app)) {
        const token = tokenFor(route);
        for (const bad of badRequestsFor(route, isPaged(route))) {
          const direct = await problemOf(service, service.app.getHttpServer(), bad, token);
          if (direct) problems.push(`${bad.method} ${route.path} (${route.handler}), ${bad.what}: ${direct}`);
          // The gateway proxies /v1 and /fhir only; the kit's own routes (health, metrics) are the gateway's own there.
          if (!route.path.startsWith('/v1/') && !route.path.startsWith('/fhir/')) continue;
          const proxied = await problemOf(service, gateway.getHttpServer(), bad, token);
          if (proxied) problems.push(`through the gateway: ${bad.method} ${route.path}, ${bad.what}: ${proxied}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('refuses U+0000 or an unpaired surrogate in any field or key of an otherwise conform POST /v1/devices', async () => {
    const devices = started.get('device-certification')!;
    const vendor = `Bearer ${signDevToken({ role: 'vendor', org: VENDOR_SIRET })}`;
    const refusals = (spoiled: { field: string; body: unknown }[], code: string): BadRequest[] =>
      spoiled.map(({ field, body }) => ({
        what: `${code} in ${field}`,
        method: 'POST',
        url: '/v1/devices',
        body: body as object,
        refusal: { status: 400, field, code, onlyDetail: true },
      }));
    const requests = [
      ...refusals(spoiledValues(deviceBody(), (text) => `${text}\u0000`), 'NUL_CHARACTER'),
      ...refusals(spoiledValues(deviceBody(), (text) => `\ud800${text}`), 'UNPAIRED_SURROGATE'),
      ...refusals(spoiledKeys(deviceBody()), 'NUL_CHARACTER'),
    ];
    expect(requests.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const bad of requests) {
      const problem = await problemOf(devices, devices.app.getHttpServer(), bad, vendor);
      if (problem) problems.push(`${bad.what}: ${problem}`);
    }
    expect(problems).toEqual([]);

    // The same body, well-formed (an emoji is a valid surrogate pair), is registered: the check refuses
    // only what it must, and the snapshot sees a write when there is one.
    const before = await snapshotSchema(devices.dataSource, devices.schema);
    const created = await request(gateway.getHttpServer()).post('/v1/devices').set('Authorization', vendor).send(deviceBody());
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('CardioWatch 😀');
    expect(schemaChanges(before, await snapshotSchema(devices.dataSource, devices.schema))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^table events: /), expect.stringMatching(/^sequence outbox_position_seq: /)]),
    );
    // The last page API.md allows is served (empty here), not refused.
    const listed = await request(gateway.getHttpServer()).get('/v1/devices?page=10000').set('Authorization', vendor);
    expect(listed.status).toBe(200);
  });

  it('refuses U+0000 or an unpaired surrogate in any field of otherwise conform claims bodies', async () => {
    const claims = started.get('claims')!;
    const claimId = '0190c0de-0000-7000-8000-000000000001';
    const as = (role: Parameters<typeof signDevToken>[0]['role'], org?: string) => `Bearer ${signDevToken({ role, ...(org ? { org } : {}) })}`;
    const conform: { url: string; body: Parameters<typeof spoiledValues>[0]; token: string }[] = [
      { url: '/v1/billing-runs', body: { period: '2026-10' }, token: as('admin') },
      { url: `/v1/claims/${claimId}/adjudication`, body: { decision: 'REJECT', reasonCode: 'OTHER', note: 'no transmission' }, token: as('claims_processor') },
      {
        url: `/v1/claims/${claimId}/adjudication`,
        body: { decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'APPROVE' }, { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'OTHER' }] },
        token: as('claims_processor'),
      },
      { url: `/v1/claims/${claimId}/contest`, body: { note: 'the device transmitted' }, token: as('operator', 'OP-1') },
      { url: `/v1/claims/${claimId}/cancellation`, body: { reason: 'a duplicate' }, token: as('admin') },
    ];
    const problems: string[] = [];
    for (const { url, body, token } of conform) {
      const spoiled = [
        ...spoiledValues(body, (text) => `${text}\u0000`).map((s) => ({ ...s, code: 'NUL_CHARACTER' })),
        ...spoiledValues(body, (text) => `\ud800${text}`).map((s) => ({ ...s, code: 'UNPAIRED_SURROGATE' })),
        ...spoiledKeys(body).map((s) => ({ ...s, code: 'NUL_CHARACTER' })),
      ];
      for (const { field, body: bad, code } of spoiled) {
        const request: BadRequest = { what: `${code} in ${field} of ${url}`, method: 'POST', url, body: bad as object, refusal: { status: 400, field, code, onlyDetail: true } };
        const problem = await problemOf(claims, claims.app.getHttpServer(), request, token);
        if (problem) problems.push(`${request.what}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses bad input on the gateway's own routes", async () => {
    const problems: string[] = [];
    for (const route of discoverHttpRoutes(gateway)) {
      for (const bad of badRequestsFor(route, isPaged(route))) {
        const problem = refusalProblem(await send(gateway.getHttpServer(), bad, tokenFor(route)), bad.refusal);
        if (problem) problems.push(`${bad.method} ${route.path}, ${bad.what}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
