import { OutboxSignal } from '@app/messaging';
import { tablesHolding } from '@app/testing';
import { Writable } from 'node:stream';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { DeviceCertificationFeed } from './testing/device-events.fixture';
import { prescriptionBody, randomNir } from './testing/prescription-request.fixture';
import { startPrescription, tokens, type PrescriptionTestApp } from './testing/prescription.test-app';

/** A birth date no other test uses, so finding it anywhere means it leaked from here. */
const BIRTH_DATE = '1961-07-23';

describe('personal data at rest and in the logs (real Postgres, Kafka, Redis)', () => {
  let t: PrescriptionTestApp;
  let device: DeviceCertificationFeed;
  const logs: string[] = [];
  const http = () => request(t.app.getHttpServer());
  const issue = (body: object, key: string) =>
    http().post('/v1/prescriptions').set('Authorization', tokens.cardiologist).set('Idempotency-Key', key).send(body);
  const patient = (nir: string) => ({ nir, birthDate: BIRTH_DATE, homeCellularCoverage: 'GOOD', ald: true });

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await startPrescription({ logs: sink });
    device = await new DeviceCertificationFeed(t.dataSource).certify();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps no NIR or birth date in clear in any table or log line, answers and failed writes included', async () => {
    // The flow, with an Idempotency-Key: the prescriber's answer holds the identity, and is kept to be replayed.
    const nir = randomNir();
    const body = prescriptionBody(device.deviceId, { patient: patient(nir) });
    const key = `issue-${uuidv7()}`;
    const issued = await issue(body, key).expect(201);
    expect(issued.body.patient).toMatchObject({ nir, birthDate: BIRTH_DATE });
    const replayed = await issue(body, key).expect(201);
    expect(replayed.body).toEqual(issued.body);
    expect(replayed.headers['idempotency-replayed']).toBe('true');

    // A write that fails while the answer (with the identity) is being kept: the whole command fails, and its log line carries no value.
    const failedNir = randomNir();
    await t.dataSource.query(`
      CREATE FUNCTION refuse_answers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'idempotency answers are unavailable'; END $$;
      CREATE TRIGGER refuse_answers BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_answers()`);
    try {
      await issue(prescriptionBody(device.deviceId, { patient: patient(failedNir) }), `issue-${uuidv7()}`).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_answers ON idempotency_keys; DROP FUNCTION refuse_answers()`);
    }
    expect(logs.join('')).toContain('Request failed with 500');

    for (const secret of [nir, failedNir, BIRTH_DATE]) {
      expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
      expect({ secret, inLogs: logs.filter((line) => line.includes(secret)) }).toEqual({ secret, inLogs: [] });
    }
    // The failed command wrote nothing: no prescription for that patient.
    const listed = await http().get('/v1/prescriptions?pageSize=200').set('Authorization', tokens.cardiologist).expect(200);
    expect(listed.body.items.filter((p: { patient: { nir?: string } }) => p.patient.nir === failedNir)).toEqual([]);
  });

  it('answers a retry after a crash between the commit and the answer with the first answer: one prescription, one refused attempt', async () => {
    const signal = t.app.get(OutboxSignal);
    const crashOnce = () => {
      const notify = signal.notify.bind(signal);
      signal.notify = () => {
        signal.notify = notify;
        throw new Error('the process died after the commit');
      };
    };

    const body = prescriptionBody(device.deviceId);
    const key = `issue-${uuidv7()}`;
    crashOnce();
    await issue(body, key).expect(500);
    const retried = await issue(body, key).expect(201);
    expect(retried.headers['idempotency-replayed']).toBe('true');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM prescriptions WHERE id = $1`, [retried.body.id]);
    expect(count).toBe(1);
    const streams = await t.dataSource.query(`SELECT count(*)::int AS n FROM prescriptions WHERE patient_pseudonym = $1`, [retried.body.patient.pseudonym]);
    expect(streams).toEqual([{ n: 1 }]);

    // A refused attempt is audited once, and the retry names the same attempt.
    const refusedBody = prescriptionBody(device.deviceId, { durationMonths: 24 });
    const refusedKey = `refused-${uuidv7()}`;
    crashOnce();
    await issue(refusedBody, refusedKey).expect(500);
    const refused = await issue(refusedBody, refusedKey).expect(422);
    expect(refused.body.error.code).toBe('PRESCRIPTION.RULES_REFUSED');
    const attempts = await t.dataSource.query(`SELECT stream_id FROM audit_entries WHERE entry->>'action' = 'prescription.refused' AND stream_id = $1`, [
      refused.body.error.attemptId,
    ]);
    expect(attempts).toHaveLength(1);
    const allAttempts = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entry->>'action' = 'prescription.refused' AND recorded_at > now() - interval '1 minute'`,
    );
    expect(allAttempts).toEqual([{ n: 1 }]);
  });
});
