import { verifyChain } from '@app/audit';
import { TOPICS, type AuditEntry } from '@app/contracts';
import { EventStore } from '@app/event-sourcing';
import { collectMessages } from '@app/testing';
import request from 'supertest';
import { DeviceCatalogueProjection } from './projections/device-catalogue.projection';
import {
  productBody,
  startDeviceCertification,
  tokens,
  VENDOR_A,
  type DeviceCertificationTestApp,
} from './testing/device-certification.test-app';

const certifyBody = (validUntil: string) => ({
  decision: 'CERTIFY',
  validUntil,
  lppCode: '1612544',
  certifiedIndications: ['HEART_FAILURE'],
  notes: 'clinical evaluation report CER-12 reviewed',
});

describe('device certification over HTTP (real Postgres, Kafka, Redis)', () => {
  let t: DeviceCertificationTestApp;
  const http = () => request(t.app.getHttpServer());
  const inOneYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startDeviceCertification();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function registerAndSubmit(body = productBody()): Promise<string> {
    const created = await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(body).expect(201);
    await http().post(`/v1/devices/${created.body.id}/submission`).set('Authorization', tokens.vendorA).expect(200);
    return created.body.id as string;
  }

  it('stores the events and the audit entry of each step, and publishes them on Kafka', async () => {
    const created = await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', version: 1, udiDi: '03760123450010', certification: null });
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

    await http().post(`/v1/devices/${id}/submission`).set('Authorization', tokens.vendorA).expect(200);
    const validUntil = inOneYear();
    const certified = await http()
      .post(`/v1/devices/${id}/review`)
      .set('Authorization', tokens.evaluator)
      .send(certifyBody(validUntil))
      .expect(200);
    expect(certified.body).toMatchObject({
      status: 'CERTIFIED',
      version: 3,
      certification: { validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], evaluatorOrg: 'EVAL-GMED' },
    });

    const history = await http().get(`/v1/devices/${id}/history`).set('Authorization', tokens.physician).expect(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
      'DeviceRegistered',
      'DeviceSubmitted',
      'DeviceCertified',
    ]);
    expect(history.body.items[2].actor).toEqual({ id: 'evaluator-user', role: 'evaluator' });

    const audit = (await t.dataSource.query('SELECT entry, hash FROM audit_entries WHERE stream_id = $1 ORDER BY seq', [
      id,
    ])) as Array<{ entry: AuditEntry; hash: string }>;
    expect(audit.map(({ entry }) => entry.decision)).toEqual(['REGISTERED', 'SUBMITTED', 'CERTIFIED']);
    expect(audit[2].entry).toMatchObject({
      actor: { id: 'evaluator-user', role: 'evaluator' },
      subject: `device:${id}`,
      service: 'device-certification',
      streamVersion: 3,
      rulesVersion: 'device-certification/2026.1',
    });
    expect(verifyChain(audit)).toEqual({ ok: true });

    const messages = await collectMessages(TOPICS.deviceCertification, {
      until: (all) => all.filter((message) => message.key === id).length >= 3,
      timeoutMs: 30_000,
    });
    const mine = messages.filter((message) => message.key === id).map((message) => message.value as { type: string; version: number; data: Record<string, unknown> });
    expect(mine.map((event) => [event.type, event.version])).toEqual([
      ['DeviceRegistered', 1],
      ['DeviceSubmitted', 2],
      ['DeviceCertified', 3],
    ]);
    expect(mine[2].data).toMatchObject({ validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], connectivity: ['CELLULAR_4G', 'WIFI'], ceClass: 'IIa' });

    const auditMessages = await collectMessages(TOPICS.auditEntries, {
      until: (all) => all.filter((message) => message.key === id).length >= 3,
      timeoutMs: 30_000,
    });
    expect(auditMessages.filter((message) => message.key === id)).toHaveLength(3);
  });

  it('suspends, reinstates and revokes with reasons, and refuses what the state does not allow', async () => {
    const id = await registerAndSubmit();
    await http().post(`/v1/devices/${id}/review`).set('Authorization', tokens.evaluator).send(certifyBody(inOneYear())).expect(200);
    const suspended = await http().post(`/v1/devices/${id}/suspension`).set('Authorization', tokens.evaluator).send({ reason: 'vigilance report' }).expect(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', version: 4 });
    const conflict = await http().post(`/v1/devices/${id}/suspension`).set('Authorization', tokens.evaluator).send({ reason: 'again' }).expect(409);
    expect(conflict.body.error.code).toBe('DEVICE.NOT_CERTIFIED');
    await http().post(`/v1/devices/${id}/reinstatement`).set('Authorization', tokens.evaluator).send({ reason: 'corrective action done' }).expect(200);
    const revoked = await http().post(`/v1/devices/${id}/revocation`).set('Authorization', tokens.evaluator).send({ reason: 'fraud' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', version: 6 });
  });

  it('rejects with reasons, then lets the vendor edit the product back to draft', async () => {
    const id = await registerAndSubmit();
    const rejected = await http().post(`/v1/devices/${id}/review`).set('Authorization', tokens.evaluator).send({ decision: 'REJECT', reasons: ['no clinical data'] }).expect(200);
    expect(rejected.body.status).toBe('REJECTED');
    const edited = await http().put(`/v1/devices/${id}`).set('Authorization', tokens.vendorA).send(productBody({ model: 'CW-3' })).expect(200);
    expect(edited.body).toMatchObject({ status: 'DRAFT', model: 'CW-3', version: 4 });
  });

  it('refuses a certification that breaks a rule with 422 naming each rule', async () => {
    const id = await registerAndSubmit(productBody({ security: { etsiEn303645: false } }));
    const refused = await http()
      .post(`/v1/devices/${id}/review`)
      .set('Authorization', tokens.evaluator)
      .send({ ...certifyBody(new Date(Date.now() - 1000).toISOString()), lppCode: '12345', certifiedIndications: ['DIABETES'] })
      .expect(422);
    expect(refused.body.error.code).toBe('DEVICE.CERTIFICATION_RULES_FAILED');
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
      'security.etsiEn303645',
      'validUntil',
      'lppCode',
      'certifiedIndications[0]',
    ]);
    const device = await http().get(`/v1/devices/${id}`).set('Authorization', tokens.evaluator).expect(200);
    expect(device.body).toMatchObject({ status: 'SUBMITTED', version: 2 });
  });

  it('filters and pages the catalogue, and a replay of the projection gives the same catalogue', async () => {
    const certifiedId = await registerAndSubmit(productBody({ indications: ['DIABETES'] }));
    await http().post(`/v1/devices/${certifiedId}/review`).set('Authorization', tokens.evaluator)
      .send({ ...certifyBody(inOneYear()), certifiedIndications: ['DIABETES'] }).expect(200);

    const diabetes = await http().get('/v1/devices?indication=DIABETES&status=CERTIFIED').set('Authorization', tokens.physician).expect(200);
    expect(diabetes.body).toMatchObject({ page: 1, pageSize: 50, total: 1 });
    expect(diabetes.body.items[0].id).toBe(certifiedId);
    const paged = await http().get('/v1/devices?pageSize=1&page=2').set('Authorization', tokens.evaluator).expect(200);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThan(2);

    const before = await http().get('/v1/devices?pageSize=200').set('Authorization', tokens.evaluator).expect(200);
    await t.dataSource.query('DELETE FROM device_catalogue');
    const rebuilt = await t.app.get(DeviceCatalogueProjection).rebuild(t.app.get(EventStore));
    expect(rebuilt).toBe(before.body.total);
    const after = await http().get('/v1/devices?pageSize=200').set('Authorization', tokens.evaluator).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('rebuilds every device, even while an older transaction is still open somewhere', async () => {
    // An open transaction holds back what gap-free readers may see: a rebuild must still see every committed event.
    const older = t.dataSource.createQueryRunner();
    await older.connect();
    await older.startTransaction();
    await older.query('SELECT pg_current_xact_id()');
    try {
      const id = (await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201)).body.id;
      const before = await http().get('/v1/devices?pageSize=200').set('Authorization', tokens.evaluator).expect(200);
      await t.app.get(DeviceCatalogueProjection).rebuild(t.app.get(EventStore));
      const after = await http().get('/v1/devices?pageSize=200').set('Authorization', tokens.evaluator).expect(200);
      expect(after.body).toEqual(before.body);
      await http().get(`/v1/devices/${id}`).set('Authorization', tokens.vendorA).expect(200);
    } finally {
      await older.rollbackTransaction();
      await older.release();
    }
  });

  it('shows and publishes the exploitant paid the technical fee: the manufacturer by default, else the one given', async () => {
    const manufacturer = productBody().manufacturer;
    const exploitant = { siret: '44306184100047', name: 'TeleSuivi Services' };
    const created = await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201);
    const id = created.body.id as string;
    expect(created.body.exploitant).toEqual(manufacturer);
    const byDefault = await http().get(`/v1/devices/${id}`).set('Authorization', tokens.vendorA).expect(200);
    expect(byDefault.body.exploitant).toEqual(manufacturer);

    await http().put(`/v1/devices/${id}`).set('Authorization', tokens.vendorA).send(productBody({ exploitant })).expect(200);
    const given = await http().get(`/v1/devices/${id}`).set('Authorization', tokens.vendorA).expect(200);
    expect(given.body).toMatchObject({ manufacturer, exploitant, version: 2 });
    const listed = await http().get('/v1/devices?pageSize=200&status=DRAFT').set('Authorization', tokens.vendorA).expect(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ exploitant });

    const messages = await collectMessages(TOPICS.deviceCertification, {
      until: (all) => all.filter((message) => message.key === id).length >= 2,
      timeoutMs: 30_000,
    });
    const mine = messages.filter((message) => message.key === id).map((message) => message.value as { type: string; data: { product: unknown } });
    expect(mine.map((event) => [event.type, event.data.product])).toEqual([
      ['DeviceRegistered', expect.objectContaining({ exploitant: manufacturer })],
      ['DeviceUpdated', expect.objectContaining({ exploitant })],
    ]);
  });

  it('registers only for the manufacturer of the token', async () => {
    const refused = await http()
      .post('/v1/devices')
      .set('Authorization', tokens.vendorB)
      .send(productBody({ manufacturer: { siret: VENDOR_A, name: 'Cardio SAS' } }))
      .expect(403);
    expect(refused.body.error.code).toBe('DEVICE.NOT_MANUFACTURER');
  });
});
