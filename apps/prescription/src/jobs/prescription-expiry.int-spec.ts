import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { waitForJob } from '@app/testing';
import request from 'supertest';
import { DeviceCertificationFeed } from '../testing/device-events.fixture';
import { prescriptionBody } from '../testing/prescription-request.fixture';
import { startPrescription, tokens, type PrescriptionTestApp } from '../testing/prescription.test-app';
import { PRESCRIPTION_EXPIRY_JOB, PRESCRIPTION_EXPIRY_QUEUE, PRESCRIPTION_EXPIRY_SCHEDULER_ID } from './prescription-expiry.queue';

describe('prescription expiry job (real BullMQ on Redis, Postgres, Kafka)', () => {
  let t: PrescriptionTestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startPrescription();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers one every-minute scheduler under a fixed id', async () => {
    const queue = t.app.get<Queue>(getQueueToken(PRESCRIPTION_EXPIRY_QUEUE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.every])).toEqual([[PRESCRIPTION_EXPIRY_SCHEDULER_ID, 60_000]]);
  });

  it('expires a prescription once the platform clock passes its end date, audited with a system actor, and frees the slot', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const body = prescriptionBody(device.deviceId, { durationMonths: 1 });
    const issued = (await http().post('/v1/prescriptions').set('Authorization', tokens.cardiologist).send(body).expect(201)).body;
    const queue = t.app.get<Queue>(getQueueToken(PRESCRIPTION_EXPIRY_QUEUE));

    // On its last day it still runs.
    t.clock.advance(Date.parse(`${issued.endDate}T12:00:00.000Z`) - Date.now());
    const early = await queue.add(PRESCRIPTION_EXPIRY_JOB, {});
    await expect(waitForJob(queue, early.id as string)).resolves.toEqual({ expired: [] });

    t.clock.advance(86_400_000);
    const due = await queue.add(PRESCRIPTION_EXPIRY_JOB, {});
    await expect(waitForJob(queue, due.id as string)).resolves.toEqual({ expired: [issued.id] });
    const expired = await http().get(`/v1/prescriptions/${issued.id}`).set('Authorization', tokens.cardiologist).expect(200);
    expect(expired.body).toMatchObject({ status: 'EXPIRED', version: 2 });
    const [audit] = await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 AND seq = 2`, [issued.id]);
    expect(audit.entry).toMatchObject({ decision: 'EXPIRED', actor: { id: 'system:prescription-expiry', role: 'system' } });
    expect(await t.dataSource.query('SELECT * FROM active_prescription_slots WHERE prescription_id = $1', [issued.id])).toEqual([]);
  });
});
