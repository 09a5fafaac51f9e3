import { eventually, randomRpps } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { randomNir } from '@app/testing';
import { EnrolmentFeed, type CertifiedDevice, type IssuedPrescription } from '../testing/enrolment-feed.fixture';
import { bearer, enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';

jest.setTimeout(120_000);

const physician = (rpps: string) => bearer({ role: 'physician', rpps, specialty: 'cardiology', sub: `physician-${rpps}` });

/**
 * Who sees and acts on an enrolment, over the real HTTP API: its operator
 * org acts; the prescribers of its chain and its patient read it; every
 * other caller is told it does not exist (404), and a reader who may see it
 * but not take an operator's step gets 403. Lists filter and page within
 * what the caller sees; the history names actors and never the identity.
 */
describe('enrolment authorisation, lists and history (Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  let device: CertifiedDevice;
  let mine: IssuedPrescription;
  let othersOfOrg: IssuedPrescription[];
  const operatorOrg = `OP-AUTHZ-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const prescriberRpps = randomRpps();
  const otherRpps = randomRpps();
  const nir = randomNir();
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
    device = await feed.certifyDevice();
    const prescriber = { rpps: prescriberRpps, specialty: 'CARDIOLOGY' };
    mine = await feed.issuePrescription(device, { nir, data: { prescriber } });
    othersOfOrg = await Promise.all([
      feed.issuePrescription(device, { data: { prescriber: { rpps: otherRpps, specialty: 'CARDIOLOGY' } } }),
      feed.issuePrescription(device, { data: { prescriber: { rpps: otherRpps, specialty: 'CARDIOLOGY' } } }),
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const incidentId = uuidv7();
  /** Every step on an enrolment, each with a body it would accept. */
  const actions = (id: string) => [
    { path: `/v1/enrolments/${id}/consent`, body: { consentTextVersion: 'tlsm-2026.1', method: 'PAPER', signedAt: new Date(Date.now() - 60_000).toISOString() } },
    { path: `/v1/enrolments/${id}/rights-check`, body: {} },
    { path: `/v1/enrolments/${id}/device`, body: { serialNumber: 'SN-AUTHZ-1', udiDi: device.udiDi } },
    { path: `/v1/enrolments/${id}/activation`, body: {} },
    { path: `/v1/enrolments/${id}/consent-withdrawal`, body: {} },
    { path: `/v1/enrolments/${id}/suspension`, body: { reason: 'test' } },
    { path: `/v1/enrolments/${id}/resumption`, body: {} },
    { path: `/v1/enrolments/${id}/end`, body: { reason: 'test' } },
    { path: `/v1/enrolments/${id}/connectivity-incidents`, body: { startedAt: new Date(Date.now() - 60_000).toISOString(), cause: 'UNKNOWN' } },
    { path: `/v1/enrolments/${id}/transmissions`, body: { items: [{ at: new Date(Date.now() - 60_000).toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' }] } },
  ];
  const OPERATOR_ONLY = ['rights-check', 'device', 'activation', 'connectivity-incidents', 'transmissions'];

  it('hides an enrolment from another operator org, on GET and on every action (404)', async () => {
    const id = mine.enrolmentId;
    await http().get(`/v1/enrolments/${id}`).set('Authorization', enrolmentTokens.otherOperator).expect(404);
    await http().get(`/v1/enrolments/${id}/history`).set('Authorization', enrolmentTokens.otherOperator).expect(404);
    for (const { path, body } of actions(id)) {
      const answer = await http().post(path).set('Authorization', enrolmentTokens.otherOperator).send(body);
      expect([path, answer.status]).toEqual([path, 404]);
    }
    await http()
      .patch(`/v1/enrolments/${id}/connectivity-incidents/${incidentId}`)
      .set('Authorization', enrolmentTokens.otherOperator)
      .send({ cause: 'DEVICE_FAULT' })
      .expect(404);
    const list = await http().get(`/v1/enrolments?prescriptionId=${mine.prescriptionId}`).set('Authorization', enrolmentTokens.otherOperator).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
  });

  it('lets a physician read only the enrolments of their own prescriptions, and take no operator step', async () => {
    const own = physician(prescriberRpps);
    const { body } = await http().get(`/v1/enrolments/${mine.enrolmentId}`).set('Authorization', own).expect(200);
    expect(body).toMatchObject({ id: mine.enrolmentId, prescriptionId: mine.prescriptionId });
    for (const other of othersOfOrg) await http().get(`/v1/enrolments/${other.enrolmentId}`).set('Authorization', own).expect(404);
    await http().get(`/v1/enrolments/${mine.enrolmentId}`).set('Authorization', physician(otherRpps)).expect(404);
    await http().post(`/v1/enrolments/${mine.enrolmentId}/suspension`).set('Authorization', physician(otherRpps)).send({ reason: 'x' }).expect(404);

    for (const { path, body: sent } of actions(mine.enrolmentId).filter(({ path }) => OPERATOR_ONLY.some((step) => path.endsWith(`/${step}`)))) {
      const answer = await http().post(path).set('Authorization', own).send(sent);
      expect([path, answer.status]).toEqual([path, 403]);
    }
    const list = await http().get('/v1/enrolments').set('Authorization', own).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([mine.enrolmentId]);
  });

  it("lets a patient read only their own enrolment (by pseudonym), and an auditor none", async () => {
    const patient = enrolmentTokens.patient(nir);
    const { body } = await http().get(`/v1/enrolments/${mine.enrolmentId}`).set('Authorization', patient).expect(200);
    expect(body.patient).toEqual({ pseudonym: mine.pseudonym });
    await http().get(`/v1/enrolments/${othersOfOrg[0].enrolmentId}`).set('Authorization', patient).expect(404);
    await http().get(`/v1/enrolments/${mine.enrolmentId}`).set('Authorization', enrolmentTokens.patient(randomNir())).expect(404);
    const list = await http().get('/v1/enrolments').set('Authorization', patient).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([mine.enrolmentId]);
    await http().post(`/v1/enrolments/${mine.enrolmentId}/activation`).set('Authorization', patient).send({}).expect(403);

    await http().get(`/v1/enrolments/${mine.enrolmentId}`).set('Authorization', enrolmentTokens.auditor).expect(404);
    await http().get('/v1/enrolments').set('Authorization', enrolmentTokens.auditor).expect(403);
  });

  it("lets only the enrolment's operator org assign the device and activate", async () => {
    const id = mine.enrolmentId;
    await http()
      .post(`/v1/enrolments/${id}/consent`)
      .set('Authorization', enrolmentTokens.patient(nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() })
      .expect(200);
    await eventually('open rights', async () => {
      const { body } = await http().get(`/v1/enrolments/${id}`).set('Authorization', operator).expect(200);
      return body.rights.status === 'OPEN';
    });
    const serialNumber = `SN-${uuidv7().slice(-12)}`;
    await http().post(`/v1/enrolments/${id}/device`).set('Authorization', enrolmentTokens.otherOperator).send({ serialNumber, udiDi: device.udiDi }).expect(404);
    await http().post(`/v1/enrolments/${id}/device`).set('Authorization', physician(prescriberRpps)).send({ serialNumber, udiDi: device.udiDi }).expect(403);
    await http().post(`/v1/enrolments/${id}/device`).set('Authorization', operator).send({ serialNumber, udiDi: device.udiDi }).expect(200);
    await http().post(`/v1/enrolments/${id}/activation`).set('Authorization', enrolmentTokens.otherOperator).send({}).expect(404);
    await http().post(`/v1/enrolments/${id}/activation`).set('Authorization', physician(prescriberRpps)).send({}).expect(403);
    const { body } = await http().post(`/v1/enrolments/${id}/activation`).set('Authorization', operator).send({}).expect(200);
    expect(body).toMatchObject({ status: 'ACTIVE', device: { serialNumber } });
  });

  it('filters lists by prescriptionId and status, and pages them', async () => {
    const all = await http().get('/v1/enrolments?pageSize=2').set('Authorization', operator).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(all.body.items).toHaveLength(2);
    const second = await http().get('/v1/enrolments?pageSize=2&page=2').set('Authorization', operator).expect(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(second.body.items).toHaveLength(1);
    const ids = [...all.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort();
    expect(ids).toEqual([mine, ...othersOfOrg].map((issued) => issued.enrolmentId).sort());

    const byPrescription = await http().get(`/v1/enrolments?prescriptionId=${othersOfOrg[1].prescriptionId}`).set('Authorization', operator).expect(200);
    expect(byPrescription.body).toMatchObject({ total: 1, items: [{ id: othersOfOrg[1].enrolmentId }] });
    const active = await http().get('/v1/enrolments?status=ACTIVE').set('Authorization', operator).expect(200);
    expect(active.body).toMatchObject({ total: 1, items: [{ id: mine.enrolmentId, status: 'ACTIVE' }] });
    const pending = await http().get('/v1/enrolments?status=PENDING_CONSENT').set('Authorization', operator).expect(200);
    expect(pending.body.items.map((item: { id: string }) => item.id).sort()).toEqual(othersOfOrg.map((issued) => issued.enrolmentId).sort());
    await http().get('/v1/enrolments?status=NOT_A_STATUS').set('Authorization', operator).expect(400);
  });

  it('serves the history with its actors, never the identity ciphertext', async () => {
    const { body } = await http().get(`/v1/enrolments/${mine.enrolmentId}/history`).set('Authorization', operator).expect(200);
    const types = body.items.map((item: { type: string }) => item.type);
    expect(types).toEqual(expect.arrayContaining(['EnrolmentCreated', 'ConsentRecorded', 'RightsChecked', 'DeviceAssigned', 'EnrolmentActivated']));
    const actorOf = (type: string) => body.items.find((item: { type: string }) => item.type === type).actor;
    expect(actorOf('EnrolmentCreated')).toMatchObject({ role: 'system' });
    expect(actorOf('ConsentRecorded')).toMatchObject({ role: 'patient' });
    expect(actorOf('EnrolmentActivated')).toMatchObject({ role: 'operator' });
    const raw = JSON.stringify(body);
    expect(raw).not.toContain('identityEncrypted');
    expect(raw).not.toContain(nir);
    // The prescriber and the patient read it too; the other operator org does not.
    await http().get(`/v1/enrolments/${mine.enrolmentId}/history`).set('Authorization', physician(prescriberRpps)).expect(200);
    await http().get(`/v1/enrolments/${mine.enrolmentId}/history`).set('Authorization', enrolmentTokens.patient(nir)).expect(200);
    await http().get(`/v1/enrolments/${mine.enrolmentId}/history`).set('Authorization', physician(otherRpps)).expect(404);
  });
});
