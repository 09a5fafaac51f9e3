import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import { patientPseudonym } from '@app/fr-health';
import { eventually } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { randomNir } from '@app/testing';
import { SimulatedAmoRightsAdapter } from '../rights/simulated-amo-rights.adapter';
import { EnrolmentFeed, type CertifiedDevice, type IssuedPrescription } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';

jest.setTimeout(120_000);

const MINUTE_MS = 60_000;

/**
 * What activation needs and refuses, over the real HTTP API on an enrolment
 * made through Kafka: a given consent (signed by a representative for a
 * minor), open rights, a serial no other enrolment holds (under concurrency),
 * a date neither in the future nor before the consent; and a withdrawal that
 * suspends monitoring until a new consent.
 */
describe('activation of an enrolment (Postgres, Kafka, Redis)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  let device: CertifiedDevice;
  const operatorOrg = `OP-ACTIV-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
    device = await feed.certifyDevice();
  });

  afterAll(async () => {
    await t?.close();
  });

  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();
  const serial = () => `SN-${uuidv7().slice(-12)}`;

  const consent = (issued: IssuedPrescription, signedAt = ago(10 * MINUTE_MS), extra: Record<string, unknown> = {}) =>
    http()
      .post(`/v1/enrolments/${issued.enrolmentId}/consent`)
      .set('Authorization', enrolmentTokens.patient(issued.nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt, ...extra });

  const rightsOpen = (enrolmentId: string) =>
    eventually('open rights', async () => {
      const { body } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return body.rights.status === 'OPEN';
    }, { timeoutMs: 20_000, intervalMs: 100 });

  const assign = (enrolmentId: string, serialNumber: string) =>
    http().post(`/v1/enrolments/${enrolmentId}/device`).set('Authorization', operator).send({ serialNumber, udiDi: device.udiDi });

  const activate = (enrolmentId: string, body: Record<string, unknown> = {}) =>
    http().post(`/v1/enrolments/${enrolmentId}/activation`).set('Authorization', operator).send(body);

  /** Consented, rights open and a device: all activation needs. */
  const ready = async (signedAt?: string) => {
    const issued = await feed.issuePrescription(device);
    await consent(issued, signedAt).expect(200);
    await rightsOpen(issued.enrolmentId);
    await assign(issued.enrolmentId, serial()).expect(200);
    return issued;
  };

  it('refuses activation without consent: 409 ENROLMENT.CONSENT_REQUIRED', async () => {
    const issued = await feed.issuePrescription(device);
    await rightsOpen(issued.enrolmentId);
    await assign(issued.enrolmentId, serial()).expect(200);
    const refused = await activate(issued.enrolmentId).expect(409);
    expect(refused.body.error.code).toBe('ENROLMENT.CONSENT_REQUIRED');

    // A refusal is recorded, and is no consent either.
    await consent(issued, ago(MINUTE_MS), { decision: 'REFUSED' }).expect(200);
    expect((await activate(issued.enrolmentId).expect(409)).body.error.code).toBe('ENROLMENT.CONSENT_REQUIRED');
  });

  it('refuses activation while the rights are CLOSED: 422 with RIGHTS_CLOSED', async () => {
    const nir = randomNir();
    t.app.get(SimulatedAmoRightsAdapter).answer(patientPseudonym(nir, DEV_PSEUDONYM_SECRET), { status: 'CLOSED' });
    const issued = await feed.issuePrescription(device, { nir });
    await consent(issued).expect(200);
    await eventually('closed rights', async () => {
      const { body } = await http().get(`/v1/enrolments/${issued.enrolmentId}`).set('Authorization', operator).expect(200);
      return body.rights.status === 'CLOSED';
    });
    await assign(issued.enrolmentId, serial()).expect(200);
    const refused = await activate(issued.enrolmentId).expect(422);
    expect(refused.body.error.code).toBe('ENROLMENT.ACTIVATION_REFUSED');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'rights', code: 'RIGHTS_CLOSED' })]);
  });

  it('refuses a serial active in another enrolment, and of two concurrent assignments of one serial exactly one wins', async () => {
    const active = await ready();
    const activeSerial = (await http().get(`/v1/enrolments/${active.enrolmentId}`).set('Authorization', operator).expect(200)).body.device.serialNumber;
    await activate(active.enrolmentId).expect(200);
    const other = await feed.issuePrescription(device);
    const taken = await assign(other.enrolmentId, activeSerial).expect(409);
    expect(taken.body.error.code).toBe('ENROLMENT.SERIAL_IN_USE');

    const [first, second] = await Promise.all([feed.issuePrescription(device), feed.issuePrescription(device)]);
    const contested = serial();
    const answers = await Promise.all([assign(first.enrolmentId, contested), assign(second.enrolmentId, contested)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect(loser.body.error.code).toBe('ENROLMENT.SERIAL_IN_USE');
    const holders = await t.dataSource.query(`SELECT enrolment_id FROM device_serials WHERE serial_number = $1`, [contested]);
    expect(holders).toHaveLength(1);
    const winner = answers[0].status === 200 ? first : second;
    expect(holders[0].enrolment_id).toBe(winner.enrolmentId);
    const { body: lost } = await http()
      .get(`/v1/enrolments/${(winner === first ? second : first).enrolmentId}`)
      .set('Authorization', operator)
      .expect(200);
    expect(lost.device).toBeUndefined();
  });

  it('refuses an activation dated in the future (400 activatedAt) or before the consent (422 BEFORE_CONSENT)', async () => {
    const signedAt = ago(10 * MINUTE_MS);
    const issued = await ready(signedAt);

    const future = await activate(issued.enrolmentId, { activatedAt: new Date(t.clock.now().getTime() + 5 * MINUTE_MS).toISOString() }).expect(400);
    expect(future.body.error.details).toEqual([expect.objectContaining({ field: 'activatedAt' })]);

    const early = await activate(issued.enrolmentId, { activatedAt: ago(20 * MINUTE_MS) }).expect(422);
    expect(early.body.error.code).toBe('ENROLMENT.ACTIVATION_REFUSED');
    expect(early.body.error.details).toEqual([expect.objectContaining({ field: 'activatedAt', code: 'BEFORE_CONSENT' })]);

    // In the past but after the consent: accepted as dated.
    const activatedAt = ago(5 * MINUTE_MS);
    const { body } = await activate(issued.enrolmentId, { activatedAt }).expect(200);
    expect(body).toMatchObject({ status: 'ACTIVE', activatedAt });
  });

  it("requires a legal representative for a minor's consent: 422 ENROLMENT.REPRESENTATIVE_REQUIRED", async () => {
    const birthDate = `${t.clock.now().getUTCFullYear() - 10}-01-15`;
    const issued = await feed.issuePrescription(device, { birthDate });
    const refused = await consent(issued).expect(422);
    expect(refused.body.error.code).toBe('ENROLMENT.REPRESENTATIVE_REQUIRED');
    const { body } = await consent(issued, ago(MINUTE_MS), { signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'PARENT' } }).expect(200);
    expect(body).toMatchObject({ status: 'PENDING_ACTIVATION', consent: { decision: 'GIVEN', signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'PARENT' } } });
  });

  it('suspends an ACTIVE enrolment when its consent is withdrawn; resumption needs a new consent', async () => {
    const issued = await ready();
    await activate(issued.enrolmentId).expect(200);

    const patient = enrolmentTokens.patient(issued.nir);
    const { body: suspended } = await http().post(`/v1/enrolments/${issued.enrolmentId}/consent-withdrawal`).set('Authorization', patient).expect(200);
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspension: { cause: 'CONSENT_WITHDRAWN' } });
    const [{ entry }] = await t.dataSource.query(
      `SELECT entry FROM audit_entries WHERE stream_id = $1 AND entry->>'decision' = 'CONSENT_WITHDRAWN'`,
      [issued.enrolmentId],
    );
    expect(entry).toMatchObject({ actor: { role: 'patient' }, evidence: { status: 'SUSPENDED', effects: [expect.objectContaining({ type: 'EnrolmentSuspended' })] } });

    const resumption = () => http().post(`/v1/enrolments/${issued.enrolmentId}/resumption`).set('Authorization', operator);
    expect((await resumption().expect(409)).body.error.code).toBe('ENROLMENT.CONSENT_REQUIRED');
    expect((await activate(issued.enrolmentId).expect(409)).body.error.code).toBe('ENROLMENT.WRONG_STATUS');

    await consent(issued, ago(0)).expect(200);
    const { body: resumed } = await resumption().expect(200);
    expect(resumed).toMatchObject({ status: 'ACTIVE' });
    expect(resumed.consents).toHaveLength(2);
  });
});
