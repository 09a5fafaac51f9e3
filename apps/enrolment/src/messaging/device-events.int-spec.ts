import { eventually } from '@app/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentFeed, type CertifiedDevice } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';

jest.setTimeout(120_000);

/** An evaluator's reason as device-certification publishes it: a commitment and its ciphertext (this service never opens it). */
const evaluatorDecision = () => ({ reason: { commitment: randomBytes(32).toString('hex'), ciphertext: `v1.${randomBytes(24).toString('base64url')}` }, evaluatorOrg: 'EVAL-GMED' });

/**
 * device-certification.events.v1 over the real broker: a product's
 * suspension suspends the ACTIVE enrolments monitoring with it and nothing
 * else, each step audited with the event that caused it; its reinstatement
 * resumes exactly those.
 */
describe('enrolment reacts to device certification events (Kafka, Postgres)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  const operatorOrg = `OP-DEVICE-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
  });

  afterAll(async () => {
    await t?.close();
  });

  const getEnrolment = async (id: string) => (await http().get(`/v1/enrolments/${id}`).set('Authorization', operator).expect(200)).body;

  /** An enrolment of `device`: PENDING_ACTIVATION (consented, rights open, device assigned), or ACTIVE when `activate`. */
  const enrolmentOn = async (device: CertifiedDevice, activate = true) => {
    const issued = await feed.issuePrescription(device);
    const id = issued.enrolmentId;
    await http()
      .post(`/v1/enrolments/${id}/consent`)
      .set('Authorization', enrolmentTokens.patient(issued.nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() })
      .expect(200);
    await eventually('open rights', async () => (await getEnrolment(id)).rights.status === 'OPEN', { timeoutMs: 20_000, intervalMs: 100 });
    await http().post(`/v1/enrolments/${id}/device`).set('Authorization', operator).send({ serialNumber: `SN-${uuidv7().slice(-12)}`, udiDi: device.udiDi }).expect(200);
    if (activate) await http().post(`/v1/enrolments/${id}/activation`).set('Authorization', operator).send({}).expect(200);
    return id;
  };

  const entriesOf = async (enrolmentId: string, decision: string) =>
    (await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 AND entry->>'decision' = $2 ORDER BY seq`, [enrolmentId, decision])).map(
      (row: { entry: { actor: { role: string }; evidence: Record<string, unknown> } }) => row.entry,
    );

  const causationOf = async (enrolmentId: string, type: string) =>
    (await t.dataSource.query(`SELECT metadata->>'causationId' AS "causationId" FROM events WHERE stream_id = $1 AND type = $2 ORDER BY version`, [enrolmentId, type])).map(
      (row: { causationId: string }) => row.causationId,
    );

  it('suspends the ACTIVE enrolments of the suspended device and no other, then resumes those it suspended when reinstated', async () => {
    const device = await feed.certifyDevice();
    const otherDevice = await feed.certifyDevice();
    const [activeA, activeB, pending, otherActive, byOperator] = await Promise.all([
      enrolmentOn(device),
      enrolmentOn(device),
      enrolmentOn(device, false),
      enrolmentOn(otherDevice),
      enrolmentOn(device),
    ]);
    // A suspension of the operator's own: the device's reinstatement is not its end.
    await http().post(`/v1/enrolments/${byOperator}/suspension`).set('Authorization', operator).send({ reason: 'patient hospitalised' }).expect(200);

    await feed.publishDevice(device.deviceId, 'DeviceSuspended', evaluatorDecision(), 4);
    const suspension = await eventually('the device suspension applied', async () => {
      const rows = await t.dataSource.query(`SELECT status FROM device_certifications WHERE device_id = $1`, [device.deviceId]);
      return rows[0]?.status === 'SUSPENDED' ? rows[0] : undefined;
    });
    expect(suspension).toBeDefined();
    for (const id of [activeA, activeB]) {
      expect(await getEnrolment(id)).toMatchObject({ status: 'SUSPENDED', suspension: { cause: 'DEVICE_SUSPENDED' } });
      const [entry] = await entriesOf(id, 'SUSPENDED');
      expect(entry).toMatchObject({ actor: { role: 'system' }, evidence: { cause: 'DEVICE_SUSPENDED', causedBy: { type: 'DeviceSuspended', streamId: device.deviceId } } });
      const [causation] = await causationOf(id, 'EnrolmentSuspended');
      expect(causation).toBe((entry.evidence.causedBy as { eventId: string }).eventId);
    }
    expect(await getEnrolment(otherActive)).toMatchObject({ status: 'ACTIVE' });
    expect(await entriesOf(otherActive, 'SUSPENDED')).toEqual([]);
    expect(await getEnrolment(pending)).toMatchObject({ status: 'PENDING_ACTIVATION' });
    expect(await getEnrolment(byOperator)).toMatchObject({ status: 'SUSPENDED', suspension: { cause: 'BY_OPERATOR' } });
    expect(await entriesOf(byOperator, 'SUSPENDED')).toHaveLength(1);

    // While the certification is suspended, the pending enrolment cannot start.
    const refused = await http().post(`/v1/enrolments/${pending}/activation`).set('Authorization', operator).send({}).expect(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ code: 'CERTIFICATION_NOT_IN_FORCE' })]);

    await feed.publishDevice(device.deviceId, 'DeviceReinstated', evaluatorDecision(), 5);
    for (const id of [activeA, activeB]) {
      await eventually(`${id} resumed`, async () => (await getEnrolment(id)).status === 'ACTIVE');
      const [entry] = await entriesOf(id, 'RESUMED');
      expect(entry).toMatchObject({ actor: { role: 'system' }, evidence: { causedBy: { type: 'DeviceReinstated', streamId: device.deviceId } } });
    }
    expect(await getEnrolment(byOperator)).toMatchObject({ status: 'SUSPENDED', suspension: { cause: 'BY_OPERATOR' } });
    expect(await getEnrolment(otherActive)).toMatchObject({ status: 'ACTIVE' });
    expect(await entriesOf(otherActive, 'RESUMED')).toEqual([]);
    expect(await getEnrolment(pending)).toMatchObject({ status: 'PENDING_ACTIVATION' });
  });

  it('suspends for a revocation too, audited with the DeviceRevoked', async () => {
    const device = await feed.certifyDevice();
    const id = await enrolmentOn(device);
    await feed.publishDevice(device.deviceId, 'DeviceRevoked', evaluatorDecision(), 4);
    await eventually('suspended for the revocation', async () => (await getEnrolment(id)).status === 'SUSPENDED');
    expect(await getEnrolment(id)).toMatchObject({ suspension: { cause: 'DEVICE_REVOKED' } });
    const [entry] = await entriesOf(id, 'SUSPENDED');
    expect(entry.evidence).toMatchObject({ cause: 'DEVICE_REVOKED', causedBy: { type: 'DeviceRevoked', streamId: device.deviceId } });
  });
});
