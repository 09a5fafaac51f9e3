import type { AuditEntry } from '@app/contracts';
import request from 'supertest';
import { DeviceCertificationFeed } from './testing/device-events.fixture';
import { prescriptionBody } from './testing/prescription-request.fixture';
import { startPrescription, tokens, type PrescriptionTestApp } from './testing/prescription.test-app';

const DAY = 86_400_000;

describe('prescription visibility, cancellation and renewal (real Postgres, Kafka, Redis)', () => {
  let t: PrescriptionTestApp;
  let device: DeviceCertificationFeed;
  const http = () => request(t.app.getHttpServer());
  const issue = (body: object, token = tokens.cardiologist) => http().post('/v1/prescriptions').set('Authorization', token).send(body);

  beforeAll(async () => {
    t = await startPrescription();
    device = await new DeviceCertificationFeed(t.dataSource).certify();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a prescription and the patient identity to its prescriber only', async () => {
    const body = prescriptionBody(device.deviceId);
    const id = (await issue(body).expect(201)).body.id;

    const own = await http().get(`/v1/prescriptions/${id}`).set('Authorization', tokens.cardiologist).expect(200);
    expect(own.body.patient).toMatchObject({ nir: body.patient.nir, birthDate: body.patient.birthDate });
    await http().get(`/v1/prescriptions/${id}`).set('Authorization', tokens.otherCardiologist).expect(404);
    await http().get(`/v1/prescriptions/${id}`).set('Authorization', tokens.vendor).expect(403);
    const audited = await http().get(`/v1/prescriptions/${id}`).set('Authorization', tokens.auditor).expect(200);
    expect(audited.body.patient.nir).toBeUndefined();
    expect(JSON.stringify(audited.body)).not.toContain(body.patient.birthDate);

    const mine = await http().get('/v1/prescriptions?status=ISSUED').set('Authorization', tokens.cardiologist).expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const theirs = await http().get('/v1/prescriptions').set('Authorization', tokens.otherCardiologist).expect(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
  });

  it('lets its prescriber alone cancel, with a reason, which frees the patient for a new prescription', async () => {
    const body = prescriptionBody(device.deviceId);
    const id = (await issue(body).expect(201)).body.id;
    await issue(body).expect(422);
    const cancel = (token: string, reason?: string) =>
      http().post(`/v1/prescriptions/${id}/cancellation`).set('Authorization', token).send(reason === undefined ? {} : { reason });

    await cancel(tokens.cardiologist).expect(400);
    await cancel(tokens.otherCardiologist, 'not mine').expect(404);
    const cancelled = await cancel(tokens.cardiologist, 'patient moved abroad').expect(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', version: 2, cancellation: { reason: 'patient moved abroad' } });
    await cancel(tokens.cardiologist, 'again').expect(409);
    const [audit] = await t.dataSource.query('SELECT entry FROM audit_entries WHERE stream_id = $1 AND seq = 2', [id]);
    expect((audit.entry as AuditEntry).decision).toBe('CANCELLED');

    await issue(body).expect(201);
  });

  it('renews by a general practitioner from the day after the renewed one ends; NO_DUPLICATE ignores the renewed one', async () => {
    const body = prescriptionBody(device.deviceId);
    const first = (await issue(body).expect(201)).body;
    const renewal = { ...body, renewalOf: first.id, durationMonths: 12 };

    const tooLong = await issue({ ...renewal, durationMonths: 13 }, tokens.generalPractitioner).expect(422);
    expect(tooLong.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'DURATION').outcome).toBe('BLOCK');
    const gpFirst = await issue(prescriptionBody(device.deviceId), tokens.generalPractitioner).expect(422);
    expect(gpFirst.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'PRESCRIBER_SPECIALTY').outcome).toBe(
      'BLOCK',
    );

    const renewed = await issue(renewal, tokens.generalPractitioner).expect(201);
    const dayAfter = new Date(Date.parse(`${first.endDate}T00:00:00.000Z`) + DAY).toISOString().slice(0, 10);
    expect(renewed.body).toMatchObject({ renewalOf: first.id, startDate: dayAfter, durationMonths: 12 });
    const [audit] = await t.dataSource.query('SELECT entry FROM audit_entries WHERE stream_id = $1', [renewed.body.id]);
    expect(audit.entry.relatedSubjects).toEqual([`device:${device.deviceId}`, `prescription:${first.id}`, `patient:${first.patient.pseudonym}`]);

    // The renewal holds the slot now: renewing the same prescription again is a duplicate.
    const again = await issue(renewal, tokens.generalPractitioner).expect(422);
    expect(again.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'NO_DUPLICATE').outcome).toBe('BLOCK');
  });

  it('refuses to renew a prescription of another patient or a cancelled one', async () => {
    const first = (await issue(prescriptionBody(device.deviceId)).expect(201)).body;
    const other = await issue({ ...prescriptionBody(device.deviceId), renewalOf: first.id }).expect(422);
    expect(other.body.error).toMatchObject({ code: 'PRESCRIPTION.INVALID_RENEWAL', message: expect.stringContaining('another patient') });

    const body = prescriptionBody(device.deviceId);
    const cancelled = (await issue(body).expect(201)).body;
    await http().post(`/v1/prescriptions/${cancelled.id}/cancellation`).set('Authorization', tokens.cardiologist).send({ reason: 'error' }).expect(200);
    const renewal = await issue({ ...body, renewalOf: cancelled.id }).expect(422);
    expect(renewal.body.error.message).toMatch(/CANCELLED/);
  });

  it('tells anyone but the renewed prescription’s prescriber the same thing, whatever is wrong with renewalOf', async () => {
    const own = prescriptionBody(device.deviceId);
    const issued = (await issue(own).expect(201)).body;
    const cancelledBody = prescriptionBody(device.deviceId);
    const cancelled = (await issue(cancelledBody).expect(201)).body;
    await http().post(`/v1/prescriptions/${cancelled.id}/cancellation`).set('Authorization', tokens.cardiologist).send({ reason: 'error' }).expect(200);

    // Another cardiologist, for an unknown prescription, a cancelled one, and another patient's.
    const attempts = [
      { ...prescriptionBody(device.deviceId), renewalOf: '01950000-0000-7000-8000-00000000dead' },
      { ...cancelledBody, renewalOf: cancelled.id },
      { ...prescriptionBody(device.deviceId), renewalOf: issued.id },
    ];
    const answers = [];
    for (const attempt of attempts) {
      for (const path of ['/v1/prescriptions', '/v1/prescriptions/evaluation']) {
        const answer = await http().post(path).set('Authorization', tokens.otherCardiologist).send(attempt).expect(422);
        answers.push(answer.body);
      }
    }
    const expected = {
      error: {
        code: 'PRESCRIPTION.INVALID_RENEWAL',
        message: 'renewalOf does not name a prescription this request can renew',
        details: [{ field: 'renewalOf', code: 'INVALID_RENEWAL', message: 'renewalOf does not name a prescription this request can renew' }],
      },
    };
    expect(answers).toEqual(Array(attempts.length * 2).fill(expected));

    // Its own prescriber learns why.
    const mine = await issue({ ...cancelledBody, renewalOf: cancelled.id }).expect(422);
    expect(mine.body.error.message).toMatch(/CANCELLED/);
    const another = await http().post('/v1/prescriptions/evaluation').set('Authorization', tokens.cardiologist).send(attempts[2]).expect(422);
    expect(another.body.error.message).toMatch(/another patient/);
  });

  it('serves the referential in force and by version', async () => {
    const inForce = await http().get('/v1/referential').set('Authorization', tokens.cardiologist).expect(200);
    expect(inForce.body).toMatchObject({ version: '2026.1', durations: { firstMaxMonths: 6, renewalMaxMonths: 12 } });
    expect(inForce.body.indications.HEART_FAILURE.specialties).toEqual(['cardiology']);
    await http().get('/v1/referential/2026.1').set('Authorization', tokens.auditor).expect(200);
    const missing = await http().get('/v1/referential/2019.1').set('Authorization', tokens.auditor).expect(404);
    expect(missing.body.error.code).toBe('REFERENTIAL.NOT_FOUND');
  });
});
