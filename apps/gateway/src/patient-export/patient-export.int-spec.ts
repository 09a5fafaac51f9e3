import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { signDevToken } from '@app/auth';
import { freePort } from '@app/testing';
import request from 'supertest';
import { createGatewayApp } from '../gateway.app';
import { loadGatewayConfig } from '../gateway.config';
import { TEST_GATEWAY_ENV } from '../testing/test-gateway-env';
import { NO_TOPICS, type ServiceEntry } from '../registry';

/** A service's export part on a real socket: answers `part` (or `status`), and keeps what reached it. */
class ExportUpstream {
  status = 200;
  part: unknown;
  seen: Array<{ url?: string; authorization?: string; correlationId?: string; clientCorrelationId?: string }> = [];
  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  constructor(part: unknown) {
    this.part = part;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.seen.push({
      url: req.url,
      authorization: req.headers.authorization,
      correlationId: req.headers['x-correlation-id'] as string | undefined,
      clientCorrelationId: req.headers['x-client-correlation-id'] as string | undefined,
    });
    const body = this.status === 200 ? this.part : { error: { code: 'INTERNAL.ERROR', message: 'Martin Jean failed', details: [] } };
    res.writeHead(this.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

const patient = signDevToken({ role: 'patient', nir: '184037512345690' });
const pseudonymOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).pseudonym;
const PSEUDONYM = pseudonymOf(patient);

const entry = (name: string, port: number, patientExport?: string): ServiceEntry => ({
  name,
  port,
  entry: 'x.ts',
  prefixes: [],
  topics: NO_TOPICS,
  ...(patientExport ? { patientExport } : {}),
});

async function gatewayFor(services: ServiceEntry[]): Promise<INestApplication> {
  const gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), services, {});
  await gateway.init();
  return gateway;
}

describe("GET /v1/patients/me/export, composed by the gateway from each service's part (two local upstreams)", () => {
  const prescription = new ExportUpstream({ identity: { nir: '184037512345690', familyName: 'Martin' }, prescriptions: [{ id: 'p1' }] });
  const ledger = new ExportUpstream({ ledgerEntries: [{ index: 4 }, { index: 9 }] });
  let patients: ExportUpstream;
  let ledgerPort: number;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());

  beforeAll(async () => {
    patients = new ExportUpstream({ never: 'asked' });
    let prescriptionPort: number;
    let patientsPort: number;
    [prescriptionPort, ledgerPort, patientsPort] = [await prescription.listen(), await ledger.listen(), await patients.listen()];
    gateway = await gatewayFor([
      entry('gateway', 3000),
      entry('prescription', prescriptionPort, '/internal/patient-export'),
      entry('audit-ledger', ledgerPort, '/internal/patient-export'),
      // Serves /v1/patients but declares no export part: the export is still the gateway's.
      { ...entry('patients', patientsPort), prefixes: ['/v1/patients'] },
    ]);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([prescription.close(), ledger.close(), patients.close()]);
  });

  beforeEach(() => {
    prescription.status = 200;
    for (const upstream of [prescription, ledger, patients]) upstream.seen = [];
  });

  it("merges every declaring service's part, asked with the caller's token and the request's correlation ids", async () => {
    const clientId = 'client-trace-42';
    const res = await http().get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`).set('X-Correlation-Id', clientId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      pseudonym: PSEUDONYM,
      identity: { nir: '184037512345690', familyName: 'Martin' },
      prescriptions: [{ id: 'p1' }],
      enrolments: [],
      claims: [],
      ledgerEntries: [{ index: 4 }, { index: 9 }],
    });
    for (const upstream of [prescription, ledger]) {
      expect(upstream.seen).toEqual([
        { url: '/internal/patient-export', authorization: `Bearer ${patient}`, correlationId: res.headers['x-correlation-id'], clientCorrelationId: clientId },
      ]);
    }
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(patients.seen).toEqual([]);
  });

  it('answers 503 naming the service whose part failed, never a partial export, and no upstream text', async () => {
    prescription.status = 500;
    const res = await http().get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'DEPENDENCY.UNAVAILABLE',
      message: expect.stringContaining('prescription'),
      details: [{ code: 'EXPORT_PART_UNAVAILABLE', service: 'prescription', message: 'prescription answered HTTP 500 (INTERNAL.ERROR)' }],
    });
    expect(JSON.stringify(res.body)).not.toContain('ledgerEntries');
    expect(JSON.stringify(res.body)).not.toContain('Martin');
  });

  it('answers 503 when a part is about another patient', async () => {
    prescription.part = { pseudonym: 'cd'.repeat(32), prescriptions: [] };
    try {
      const res = await http().get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`);
      expect(res.status).toBe(503);
      expect(res.body.error.details).toEqual([expect.objectContaining({ service: 'prescription', message: 'prescription answered about another pseudonym' })]);
    } finally {
      prescription.part = { prescriptions: [] };
    }
  });

  it('is for patients only: 401 without a token, 403 for any other role, asking no service', async () => {
    expect((await http().get('/v1/patients/me/export')).status).toBe(401);
    for (const role of ['admin', 'auditor', 'physician'] as const) {
      const res = await http().get('/v1/patients/me/export').set('Authorization', `Bearer ${signDevToken({ role })}`);
      expect({ role, status: res.status, code: res.body.error?.code }).toEqual({ role, status: 403, code: 'AUTH.FORBIDDEN' });
    }
    expect([...prescription.seen, ...ledger.seen]).toEqual([]);
  });

  it('still proxies the rest of /v1/patients to the service that serves it', async () => {
    await http().get(`/v1/patients/${PSEUDONYM}/erasure`).set('Authorization', `Bearer ${signDevToken({ role: 'admin' })}`);
    expect(patients.seen.map((seen) => seen.url)).toEqual([`/v1/patients/${PSEUDONYM}/erasure`]);
  });

  it('answers 503 naming a declaring service that is down', async () => {
    const down = await gatewayFor([
      entry('gateway', 3000),
      entry('audit-ledger', ledgerPort, '/internal/patient-export'),
      entry('prescription', await freePort(), '/internal/patient-export'),
    ]);
    try {
      const res = await request(down.getHttpServer()).get('/v1/patients/me/export').set('Authorization', `Bearer ${patient}`);
      expect(res.status).toBe(503);
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ service: 'prescription', message: expect.stringMatching(/^prescription is unreachable \(ECONNREFUSED\)$/) }),
      ]);
    } finally {
      await down.close();
    }
  });
});
