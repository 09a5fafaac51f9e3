import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import { patientPseudonym } from '@app/fr-health';
import { eventually, randomNir } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { SimulatedAmoRightsAdapter } from '../rights/simulated-amo-rights.adapter';
import { EnrolmentFeed, type CertifiedDevice } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, TEST_RIGHTS_RETRY, type EnrolmentTestApp } from '../testing/enrolment.test-app';
import { ENROLMENT_SWEEPS_QUEUE } from './enrolment-end.queue';
import { RIGHTS_CHECK_QUEUE, rightsCheckJobId } from './rights-check.queue';
import { RightsChecks } from './rights-checks';
import { RIGHTS_SWEEP_SCHEDULER_ID, RightsSweep } from './rights.sweep';

jest.setTimeout(120_000);

/** Past the sweep's minute of grace after an enrolment's last event. */
const PAST_THE_MINUTE_MS = 61_000;

/**
 * The rights sweep on the real Redis and Postgres: an enrolment whose rights
 * stayed PENDING because its job was lost (a crash before the enqueue) or
 * failed for good (Postgres out of reach at every attempt) gets its check
 * again, and a job still waiting or in its backoff is left alone (one
 * RightsChecked per request). The test runs the sweep itself, the clock moved.
 */
describe('the rights sweep (Redis, Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  let amo: SimulatedAmoRightsAdapter;
  let device: CertifiedDevice;
  let rightsQueue: Queue;
  let sweep: RightsSweep;
  const operatorOrg = `OP-SWEEP-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
    amo = t.app.get(SimulatedAmoRightsAdapter);
    device = await feed.certifyDevice();
    rightsQueue = t.app.get<string, Queue>(getQueueToken(RIGHTS_CHECK_QUEUE), { strict: false });
    sweep = t.app.get(RightsSweep);
    // Only the test runs the sweep (the app's own schedule, on this test's queue prefix, would race it).
    await t.app.get<string, Queue>(getQueueToken(ENROLMENT_SWEEPS_QUEUE), { strict: false }).removeJobScheduler(RIGHTS_SWEEP_SCHEDULER_ID);
  });

  afterEach(async () => {
    await rightsQueue?.resume();
  });

  afterAll(async () => {
    await t?.close();
  });

  /**
   * A new enrolment whose AMO answers OPEN, created while the rights queue is
   * paused: its first check is queued but not run, the rights PENDING.
   */
  const pendingEnrolment = async (): Promise<{ id: string; job: Job }> => {
    const nir = randomNir();
    amo.answer(patientPseudonym(nir, DEV_PSEUDONYM_SECRET), { status: 'OPEN' });
    await rightsQueue.pause();
    const { enrolmentId } = await feed.issuePrescription(device, { nir });
    const job = await eventually('the first rights check queued', () => rightsQueue.getJob(rightsCheckJobId(enrolmentId, 1)), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect((await rightsOf(enrolmentId)).status).toBe('PENDING');
    return { id: enrolmentId, job };
  };

  const rightsOf = async (enrolmentId: string): Promise<{ status: string; request: number }> =>
    (await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200)).body.rights;

  const rightsSettled = (enrolmentId: string, status: string) =>
    eventually(`rights ${status}`, async () => ((await rightsOf(enrolmentId)).status === status ? true : undefined), { timeoutMs: 20_000, intervalMs: 100 });

  type RightsChecked = { status: string; attempts: number; request: number };
  const rightsEvents = async (enrolmentId: string): Promise<RightsChecked[]> =>
    (await t.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'RightsChecked' ORDER BY version`, [enrolmentId])).map(
      (row: { data: RightsChecked }) => row.data,
    );

  it('queues again the check of an enrolment whose job was lost, once a minute has passed, and the rights are recorded', async () => {
    const { id, job } = await pendingEnrolment();
    // The process stopped between the commit that asked and the enqueue: no job.
    await job.remove();
    await rightsQueue.resume();

    // Within its minute the check may still be on its way: not looked at.
    expect((await sweep.run()).requeued).not.toContain(id);
    expect(await rightsQueue.getJob(rightsCheckJobId(id, 1))).toBeUndefined();

    t.clock.advance(PAST_THE_MINUTE_MS);
    expect((await sweep.run()).requeued).toContain(id);
    await rightsSettled(id, 'OPEN');
    expect(await rightsEvents(id)).toEqual([expect.objectContaining({ request: 1, status: 'OPEN', attempts: 1 })]);
    // Answered: the next run leaves it.
    expect((await sweep.run()).requeued).not.toContain(id);
  });

  it('retries a job that failed for good while Postgres was out of reach, which then records the answer', async () => {
    const { id } = await pendingEnrolment();
    const jobId = rightsCheckJobId(id, 1);
    // Every attempt finds the enrolments table out of reach, as with the database down: the job gives up before it can record.
    await t.dataSource.query(`ALTER TABLE enrolments RENAME TO enrolments_out_of_reach`);
    let failed: Job;
    try {
      await rightsQueue.resume();
      failed = await eventually('the job failed for good', async () => {
        const job = await rightsQueue.getJob(jobId);
        return job && (await job.isFailed()) ? job : undefined;
      }, { timeoutMs: 20_000, intervalMs: 50 });
    } finally {
      await t.dataSource.query(`ALTER TABLE enrolments_out_of_reach RENAME TO enrolments`);
    }
    expect(failed.attemptsMade).toBe(TEST_RIGHTS_RETRY.attempts);
    // Not even UNAVAILABLE: without the sweep, PENDING for good.
    expect(await rightsEvents(id)).toEqual([]);
    expect((await rightsOf(id)).status).toBe('PENDING');

    t.clock.advance(PAST_THE_MINUTE_MS);
    expect((await sweep.run()).requeued).toContain(id);
    await rightsSettled(id, 'OPEN');
    // The same job, run once more: its attempts count the ones the outage took.
    expect(await rightsEvents(id)).toEqual([expect.objectContaining({ request: 1, status: 'OPEN', attempts: TEST_RIGHTS_RETRY.attempts + 1 })]);
  });

  it('leaves alone a job still waiting or in its backoff: one RightsChecked per request', async () => {
    const waiting = await pendingEnrolment();
    const delayed = await pendingEnrolment();
    // A check in its backoff: the same job id, due in ten minutes.
    await delayed.job.remove();
    await t.app.get(RightsChecks).enqueue(delayed.id, 1, 10 * 60_000);
    const before = {
      waiting: (await rightsQueue.getJob(rightsCheckJobId(waiting.id, 1)))!.timestamp,
      delayed: (await rightsQueue.getJob(rightsCheckJobId(delayed.id, 1)))!.timestamp,
    };

    t.clock.advance(PAST_THE_MINUTE_MS);
    const { requeued } = await sweep.run();
    expect(requeued).not.toContain(waiting.id);
    expect(requeued).not.toContain(delayed.id);
    const waitingJob = (await rightsQueue.getJob(rightsCheckJobId(waiting.id, 1)))!;
    const delayedJob = (await rightsQueue.getJob(rightsCheckJobId(delayed.id, 1)))!;
    // The very jobs that were there, in the state they were in.
    expect(waitingJob.timestamp).toBe(before.waiting);
    expect(delayedJob.timestamp).toBe(before.delayed);
    expect(['waiting', 'paused', 'delayed']).toContain(await waitingJob.getState());
    expect(await delayedJob.getState()).toBe('delayed');

    await rightsQueue.resume();
    await delayedJob.promote();
    await rightsSettled(waiting.id, 'OPEN');
    await rightsSettled(delayed.id, 'OPEN');
    expect((await sweep.run()).requeued).toEqual([]);
    for (const id of [waiting.id, delayed.id]) expect(await rightsEvents(id)).toEqual([expect.objectContaining({ request: 1, status: 'OPEN', attempts: 1 })]);
  });

  it('leaves an ENDED enrolment whose rights were never answered', async () => {
    const { id, job } = await pendingEnrolment();
    await job.remove();
    await http().post(`/v1/enrolments/${id}/end`).set('Authorization', operator).send({ reason: 'the patient moved away' }).expect(200);
    await rightsQueue.resume();

    t.clock.advance(PAST_THE_MINUTE_MS);
    expect((await sweep.run()).requeued).not.toContain(id);
    expect(await rightsQueue.getJob(rightsCheckJobId(id, 1))).toBeUndefined();
    expect(await rightsEvents(id)).toEqual([]);
  });
});
