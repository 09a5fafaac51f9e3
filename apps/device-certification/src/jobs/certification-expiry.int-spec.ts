import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { waitForJob } from '@app/testing';
import request from 'supertest';
import { productBody, startDeviceCertification, tokens, type DeviceCertificationTestApp } from '../testing/device-certification.test-app';
import { CERTIFICATION_EXPIRY_JOB, CERTIFICATION_EXPIRY_QUEUE, CERTIFICATION_EXPIRY_SCHEDULER_ID } from './certification-expiry.queue';

describe('certification expiry job (real BullMQ on Redis, Postgres, Kafka)', () => {
  let t: DeviceCertificationTestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startDeviceCertification();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function waitForStatus(id: string, status: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const device = await http().get(`/v1/devices/${id}`).set('Authorization', tokens.evaluator).expect(200);
      if (device.body.status === status) return device.body;
      if (Date.now() > deadline) throw new Error(`device ${id} still ${device.body.status}, expected ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('registers one every-minute scheduler under a fixed id', async () => {
    const queue = t.app.get<Queue>(getQueueToken(CERTIFICATION_EXPIRY_QUEUE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.every])).toEqual([[CERTIFICATION_EXPIRY_SCHEDULER_ID, 60_000]]);
  });

  it('expires a certification once the platform clock passes validUntil, audited with a system actor', async () => {
    const id = (await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201)).body.id;
    await http().post(`/v1/devices/${id}/submission`).set('Authorization', tokens.vendorA).expect(200);
    const validUntil = new Date(Date.now() + 3_600_000).toISOString();
    await http()
      .post(`/v1/devices/${id}/review`)
      .set('Authorization', tokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] })
      .expect(200);
    const queue = t.app.get<Queue>(getQueueToken(CERTIFICATION_EXPIRY_QUEUE));

    // Before validUntil a sweep leaves it alone.
    const early = await queue.add(CERTIFICATION_EXPIRY_JOB, {});
    await expect(waitForJob(queue, early.id as string)).resolves.toEqual({ expired: [] });

    t.clock.advance(2 * 3_600_000);
    const due = await queue.add(CERTIFICATION_EXPIRY_JOB, {});
    await expect(waitForJob(queue, due.id as string)).resolves.toEqual({ expired: [id] });
    const expired = await waitForStatus(id, 'EXPIRED');
    expect(expired.version).toBe(4);

    const [audit] = await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 AND seq = 4`, [id]);
    expect(audit.entry).toMatchObject({ decision: 'EXPIRED', actor: { id: 'system:certification-expiry', role: 'system' } });
  });
});
