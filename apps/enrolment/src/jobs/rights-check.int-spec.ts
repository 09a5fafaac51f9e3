import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import { patientPseudonym } from '@app/fr-health';
import { eventually } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { randomNir } from '@app/testing';
import { SimulatedAmoRightsAdapter, type SimulatedAmoAnswer } from '../rights/simulated-amo-rights.adapter';
import { EnrolmentFeed, type CertifiedDevice } from '../testing/enrolment-feed.fixture';
import { bearer, enrolmentTokens, startEnrolment, TEST_RIGHTS_RETRY, type EnrolmentTestApp } from '../testing/enrolment.test-app';
import { RIGHTS_CHECK_QUEUE, rightsCheckJobId } from './rights-check.queue';
import { v7 as uuidv7 } from 'uuid';

jest.setTimeout(120_000);

/**
 * The AMO rights check as a BullMQ job on the real Redis, against the
 * simulator set per patient: retries with backoff until an answer, CLOSED
 * blocking activation, UNAVAILABLE once the retries are spent (then asked
 * again by the operator), and a job that carries ids only.
 */
describe('the AMO rights check job (Redis, Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  let amo: SimulatedAmoRightsAdapter;
  let device: CertifiedDevice;
  const operatorOrg = `OP-RIGHTS-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
    amo = t.app.get(SimulatedAmoRightsAdapter);
    device = await feed.certifyDevice();
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A new patient whose AMO answers `answer`, set before the enrolment exists (its first check is asked at creation). */
  const enrolmentAnswered = async (answer: SimulatedAmoAnswer) => {
    const nir = randomNir();
    amo.answer(patientPseudonym(nir, DEV_PSEUDONYM_SECRET), answer);
    return feed.issuePrescription(device, { nir });
  };

  const rightsSettled = (enrolmentId: string, status: string, request = 1) =>
    eventually(`rights ${status} (request ${request})`, async () => {
      const { body } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return body.rights.status === status && body.rights.request === request ? body : undefined;
    }, { timeoutMs: 20_000, intervalMs: 100 });

  type RightsChecked = { status: string; attempts: number; request: number };
  const rightsEvents = async (enrolmentId: string): Promise<RightsChecked[]> =>
    (await t.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'RightsChecked' ORDER BY version`, [enrolmentId])).map(
      (row: { data: RightsChecked }) => row.data,
    );

  it('failing twice then OPEN ends OPEN, the attempts recorded', async () => {
    const issued = await enrolmentAnswered({ status: 'OPEN', failTimes: 2 });
    const settled = await rightsSettled(issued.enrolmentId, 'OPEN');
    expect(settled.rights.checkedAt).toEqual(expect.any(String));
    expect(await rightsEvents(issued.enrolmentId)).toEqual([expect.objectContaining({ status: 'OPEN', attempts: 3, request: 1 })]);
    const [{ entry }] = await t.dataSource.query(
      `SELECT entry FROM audit_entries WHERE stream_id = $1 AND entry->>'decision' = 'RIGHTS_OPEN'`,
      [issued.enrolmentId],
    );
    expect(entry).toMatchObject({ actor: { role: 'system' }, evidence: { rights: { status: 'OPEN', attempts: 3 } } });
  });

  it('CLOSED blocks activation with the reason RIGHTS_CLOSED', async () => {
    const issued = await enrolmentAnswered({ status: 'CLOSED' });
    const id = issued.enrolmentId;
    await http()
      .post(`/v1/enrolments/${id}/consent`)
      .set('Authorization', enrolmentTokens.patient(issued.nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() })
      .expect(200);
    await rightsSettled(id, 'CLOSED');
    await http().post(`/v1/enrolments/${id}/device`).set('Authorization', operator).send({ serialNumber: `SN-${uuidv7().slice(-12)}`, udiDi: device.udiDi }).expect(200);

    const refused = await http().post(`/v1/enrolments/${id}/activation`).set('Authorization', operator).send({}).expect(422);
    expect(refused.body.error.code).toBe('ENROLMENT.ACTIVATION_REFUSED');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'rights', code: 'RIGHTS_CLOSED' })]);
    const { body } = await http().get(`/v1/enrolments/${id}`).set('Authorization', operator).expect(200);
    expect(body).toMatchObject({ status: 'PENDING_ACTIVATION', rights: { status: 'CLOSED' } });
  });

  it('always failing ends UNAVAILABLE, visible; the operator asks again and it ends OPEN', async () => {
    const issued = await enrolmentAnswered({ status: 'OPEN', failTimes: 1_000 });
    const id = issued.enrolmentId;
    const unavailable = await rightsSettled(id, 'UNAVAILABLE');
    expect(unavailable.rights.checkedAt).toEqual(expect.any(String));
    expect(await rightsEvents(id)).toEqual([expect.objectContaining({ status: 'UNAVAILABLE', attempts: TEST_RIGHTS_RETRY.attempts })]);

    // Another org's operator does not see it, the prescriber may not ask.
    await http().post(`/v1/enrolments/${id}/rights-check`).set('Authorization', enrolmentTokens.otherOperator).expect(404);
    const prescriber = bearer({ role: 'physician', rpps: issued.data.prescriber.rpps, specialty: 'cardiology' });
    await http().post(`/v1/enrolments/${id}/rights-check`).set('Authorization', prescriber).expect(403);

    amo.answer(issued.pseudonym, { status: 'OPEN' });
    await http().post(`/v1/enrolments/${id}/rights-check`).set('Authorization', operator).expect(202);
    const open = await rightsSettled(id, 'OPEN', 2);
    expect(open.rights.status).toBe('OPEN');
    expect((await rightsEvents(id)).map((e) => [e.request, e.status])).toEqual([
      [1, 'UNAVAILABLE'],
      [2, 'OPEN'],
    ]);
  });

  it('keeps no NIR or birth date in the Redis job', async () => {
    const issued = await enrolmentAnswered({ status: 'OPEN', failTimes: 1 });
    await rightsSettled(issued.enrolmentId, 'OPEN');
    await http().post(`/v1/enrolments/${issued.enrolmentId}/rights-check`).set('Authorization', operator).expect(202);
    await rightsSettled(issued.enrolmentId, 'OPEN', 2);

    const queue = t.app.get<string, Queue>(getQueueToken(RIGHTS_CHECK_QUEUE), { strict: false });
    for (const requestNumber of [1, 2]) {
      const job = await queue.getJob(rightsCheckJobId(issued.enrolmentId, requestNumber));
      expect(job).toBeDefined();
      expect(job!.data).toEqual({ enrolmentId: issued.enrolmentId, request: requestNumber });
      // Everything Redis holds of the job (data, options, return value, failure reasons, logs).
      const stored = JSON.stringify({ job: job!.toJSON(), logs: await queue.getJobLogs(job!.id!) });
      for (const secret of [issued.nir, '1984-03-02', '19840302']) expect(stored).not.toContain(secret);
    }
    // And the job's hash as Redis stores it, read with a client of the test's own.
    const redis = new Redis(t.config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const raw = await redis.hgetall(queue.toKey(rightsCheckJobId(issued.enrolmentId, 1)));
      expect(JSON.parse(raw.data)).toEqual({ enrolmentId: issued.enrolmentId, request: 1 });
      for (const secret of [issued.nir, '1984-03-02', '19840302']) expect(JSON.stringify(raw)).not.toContain(secret);
    } finally {
      redis.disconnect();
    }
  });
});
