import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { textCommitment, verifyDossier, type LiabilityDossier } from '@app/audit';
import { TestLedger } from '@app/audit/dossier.fixture';
import type { SubjectRef } from '@app/contracts';
import { signDevToken } from '@app/auth';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createGatewayApp } from '../gateway.app';
import { loadGatewayConfig } from '../gateway.config';
import { TEST_GATEWAY_ENV } from '../testing/test-gateway-env';
import { NO_TOPICS, type ServiceEntry } from '../registry';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  correlationId?: string;
  body: unknown;
}

/** A service on a real socket that answers as the test says and records what reached it. */
class FakeService {
  readonly seen: Seen[] = [];
  answer: (seen: Seen) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      correlationId: req.headers['x-correlation-id'] as string | undefined,
      body: text ? JSON.parse(text) : undefined,
    };
    this.seen.push(seen);
    const { status, body } = this.answer(seen);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

const SALT = '00112233445566778899aabbccddeeff';
const REASON = 'Lot 42 recalled after overheating';
const D: SubjectRef = 'device:0000000d-0000-7000-8000-000000000001';
const P: SubjectRef = 'prescription:00000001-0000-7000-8000-000000000003';

/** A ledger whose device entry commits a suspension reason, and the dossier it serves. */
function ledgerWithReason(): { ledger: TestLedger; dossier: LiabilityDossier; suspended: number } {
  const ledger = new TestLedger();
  ledger.record({ id: 'v', role: 'vendor' }, 'device.registered', D, [], 'device-certification');
  ledger.record({ id: 'e', role: 'evaluator' }, 'device.certified', D, [], 'device-certification');
  ledger.record({ id: 'p', role: 'physician' }, 'prescription.issued', P, [D]);
  ledger.record({ id: 'e', role: 'evaluator' }, 'device.suspended', D, [], 'device-certification', undefined, {
    events: [{ type: 'DeviceSuspended', data: { reason: { commitment: textCommitment(SALT, REASON) } } }],
  });
  return { ledger, dossier: ledger.dossier(P.split(':')[1]), suspended: 3 };
}

describe('the gateway composes a dossier with its disclosures (real sockets, fake services)', () => {
  const auditLedger = new FakeService();
  const devices = new FakeService();
  const prescriptions = new FakeService();
  const { ledger, dossier, suspended } = ledgerWithReason();
  const auditor = `Bearer ${signDevToken({ role: 'auditor' })}`;
  let gateway: INestApplication;
  let http: ReturnType<typeof request>;
  let deadPort: number;

  beforeAll(async () => {
    const [ledgerPort, devicesPort, prescriptionsPort] = [await auditLedger.listen(), await devices.listen(), await prescriptions.listen()];
    const probe = new FakeService();
    deadPort = await probe.listen();
    await probe.close();
    const services: ServiceEntry[] = [
      { name: 'gateway', port: 3000, entry: 'g.ts', prefixes: [], topics: NO_TOPICS },
      { name: 'device-certification', port: devicesPort, entry: 'd.ts', prefixes: ['/v1/devices'], topics: NO_TOPICS, disclosures: '/internal/audit-disclosures' },
      { name: 'prescription', port: prescriptionsPort, entry: 'p.ts', prefixes: ['/v1/prescriptions'], topics: NO_TOPICS, disclosures: '/internal/audit-disclosures' },
      { name: 'audit-ledger', port: ledgerPort, entry: 'a.ts', prefixes: ['/v1/ledger', '/v1/liability'], topics: NO_TOPICS },
      { name: 'claims', port: deadPort, entry: 'c.ts', prefixes: ['/v1/claims'], topics: NO_TOPICS, disclosures: '/internal/audit-disclosures' },
    ];
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), services, {});
    await gateway.init();
    http = request(gateway.getHttpServer());
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([auditLedger.close(), devices.close(), prescriptions.close()]);
  });
  beforeEach(() => {
    for (const service of [auditLedger, devices, prescriptions]) service.seen.length = 0;
    auditLedger.answer = ({ url }) => (/^\/v1\/liability\/prescriptions\/[^/]+$/.test(url) ? { status: 200, body: dossier } : { status: 200, body: { proxied: url } });
    devices.answer = ({ body }) => ({
      status: 200,
      body: { items: (body as { entryIds: string[] }).entryIds.includes(ledger.entries[suspended].id) ? [{ entryId: ledger.entries[suspended].id, path: '/evidence/events/0/data/reason', text: REASON, salt: SALT }] : [] },
    });
    prescriptions.answer = () => ({ status: 200, body: { items: [] } });
  });

  const getDossier = () => http.get(`/v1/liability/prescriptions/${P.split(':')[1]}`).set('Authorization', auditor);

  it('adds the disclosures under the ledger index of their entries, and the dossier then verifies offline with its texts', async () => {
    const res = await getDossier().expect(200);
    expect(res.body.disclosures).toEqual([{ index: suspended, path: '/evidence/events/0/data/reason', text: REASON, salt: SALT }]);
    const { disclosures: _d, ...rest } = res.body;
    expect(rest).toEqual(dossier);
    expect(verifyDossier(res.body, ledger.publicKey.publicKeyPem, { signers: ledger.signers })).toMatchObject({ ok: true, texts: { checked: 1, unchecked: 0, undisclosed: 0 } });
  });

  it("asks each service only for the entries it wrote, with the caller's token and the request's correlation id", async () => {
    const res = await getDossier().expect(200);
    const correlationId = res.headers['x-correlation-id'];
    expect(auditLedger.seen).toEqual([expect.objectContaining({ method: 'GET', url: `/v1/liability/prescriptions/${P.split(':')[1]}`, authorization: auditor, correlationId })]);
    const deviceIds = dossier.entries.filter((e) => e.entry.service === 'device-certification').map((e) => e.entry.id);
    const prescriptionIds = dossier.entries.filter((e) => e.entry.service === 'prescription').map((e) => e.entry.id);
    expect(devices.seen).toEqual([{ method: 'POST', url: '/internal/audit-disclosures', authorization: auditor, correlationId, body: { entryIds: deviceIds } }]);
    expect(prescriptions.seen).toEqual([expect.objectContaining({ url: '/internal/audit-disclosures', authorization: auditor, correlationId, body: { entryIds: prescriptionIds } })]);
  });

  it('gives an erased text as erased, and the dossier still verifies', async () => {
    devices.answer = ({ body }) => ({ status: 200, body: { items: [{ entryId: (body as { entryIds: string[] }).entryIds.at(-1), path: '/evidence/events/0/data/reason', text: 'erased', erased: true }] } });
    const res = await getDossier().expect(200);
    expect(res.body.disclosures).toEqual([{ index: suspended, path: '/evidence/events/0/data/reason', text: 'erased', erased: true }]);
    expect(verifyDossier(res.body, ledger.publicKey.publicKeyPem, { signers: ledger.signers })).toMatchObject({ ok: true, texts: { checked: 0, unchecked: 1 } });
  });

  it("passes any other answer of the ledger through unchanged, asking no service", async () => {
    auditLedger.answer = () => ({ status: 403, body: { error: { code: 'AUTH.FORBIDDEN', message: 'no', details: [] } } });
    const res = await getDossier().expect(403);
    expect(res.body).toEqual({ error: { code: 'AUTH.FORBIDDEN', message: 'no', details: [] } });
    expect([...devices.seen, ...prescriptions.seen]).toEqual([]);
  });

  it('answers 503 naming the service whose disclosures fail, never a dossier without them', async () => {
    devices.answer = () => ({ status: 500, body: { error: { code: 'INTERNAL.ERROR' } } });
    const failed = await getDossier().expect(503);
    expect(failed.body.error).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE', message: expect.stringContaining('device-certification is unavailable') });
    devices.answer = () => ({ status: 200, body: { items: [{ entryId: 'x', path: '/p', text: 'no salt' }] } });
    expect((await getDossier().expect(503)).body.error.message).toContain('device-certification is unavailable (its disclosures answer is malformed)');
  });

  it('answers 503 naming a disclosing service that is down, when the dossier holds its entries', async () => {
    const withClaims = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
    withClaims.entries[0].entry.service = 'claims';
    auditLedger.answer = () => ({ status: 200, body: withClaims });
    const res = await getDossier().expect(503);
    expect(res.body.error.message).toContain('claims is unavailable (ECONNREFUSED)');
  });

  it('answers 401 for a bad token before asking anyone', async () => {
    await http.get(`/v1/liability/prescriptions/${P.split(':')[1]}`).set('Authorization', 'Bearer nope').expect(401);
    await http.get(`/v1/liability/prescriptions/${P.split(':')[1]}`).expect(401);
    expect([...auditLedger.seen, ...devices.seen]).toEqual([]);
  });

  it('answers 503 naming the ledger when it is unreachable', async () => {
    const services: ServiceEntry[] = [{ name: 'audit-ledger', port: deadPort, entry: 'a.ts', prefixes: ['/v1/liability'], topics: NO_TOPICS }];
    const alone = await createGatewayApp(loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV }, { defaultPort: 3000 }), services, {});
    await alone.init();
    try {
      const res = await request(alone.getHttpServer()).get(`/v1/liability/prescriptions/${P.split(':')[1]}`).set('Authorization', auditor).expect(503);
      expect(res.body.error).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE', message: expect.stringContaining('audit-ledger is unavailable (ECONNREFUSED)') });
    } finally {
      await alone.close();
    }
  });

  it('still proxies the rest of the ledger routes', async () => {
    const res = await http.get('/v1/ledger/tree-head').set('Authorization', auditor).expect(200);
    expect(res.body).toEqual({ proxied: '/v1/ledger/tree-head' });
    const deeper = await http.get(`/v1/liability/prescriptions/${P.split(':')[1]}/other`).set('Authorization', auditor).expect(200);
    expect(deeper.body).toEqual({ proxied: `/v1/liability/prescriptions/${P.split(':')[1]}/other` });
  });
});
