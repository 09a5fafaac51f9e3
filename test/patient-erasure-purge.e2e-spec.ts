import { ERASED, TOPICS } from '@app/contracts';
import { ensureTopics } from '@app/messaging';
import { collectMessages, createTestPatientKeys, produceMessages, testKafka, type TestPatientKeys } from '@app/testing';
import request from 'supertest';
import { DeviceCertificationFeed } from '../apps/prescription/src/testing/device-events.fixture';
import { startPatients, tokens as patientsTokens, type PatientsTestApp } from '../apps/patients/src/testing/patients.test-app';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens, type PrescriptionTestApp } from '../apps/prescription/src/testing/prescription.test-app';

jest.setTimeout(120_000);

/**
 * What the prescription service does with an erasure it reads on
 * patients.events.v1, through the real patients service and the broker: it
 * was down when the patient was erased and acts when it comes back; the other
 * patient keeps everything; the same event delivered again acts once.
 */
describe('prescription purges an erased patient, also after being down, once (patients, prescription, Kafka)', () => {
  let keys: TestPatientKeys;
  let patients: PatientsTestApp;
  let before: PrescriptionTestApp;
  let after: PrescriptionTestApp | undefined;

  beforeAll(async () => {
    await ensureTopics(testKafka(), [TOPICS.patients, TOPICS.auditEntries]);
    keys = await createTestPatientKeys();
    [patients, before] = await Promise.all([startPatients({ keys }), startPrescription({ keys })]);
  });
  afterAll(async () => {
    await Promise.all([patients?.close(), (after ?? before)?.close()]);
    await keys?.drop();
  });

  it('erases one of two patients while prescription is down; back up, it purges that one only, and a redelivery changes nothing', async () => {
    const device = await new DeviceCertificationFeed(before.dataSource).certify();
    const issue = (body: object) => request(before.app.getHttpServer()).post('/v1/prescriptions').set('Authorization', tokens.cardiologist).send(body);
    const erasedBody = { ...prescriptionBody(device.deviceId), patient: { ...prescriptionBody(device.deviceId).patient, familyName: 'Le Goff', givenNames: 'Annaig' } };
    const keptBody = prescriptionBody(device.deviceId);
    const erased = (await issue(erasedBody).expect(201)).body;
    const kept = (await issue(keptBody).expect(201)).body;

    // The service stops (its schema stays, as a stopped process leaves its database), then the patient is erased.
    await before.app.close();
    await request(patients.app.getHttpServer())
      .post(`/v1/patients/${erased.patient.pseudonym}/erasure`)
      .set('Authorization', patientsTokens.admin)
      .send({ legalBasis: 'ERASURE_REQUEST' })
      .expect(202);
    const [published] = await collectMessages(TOPICS.patients, {
      until: (all) => all.some((m) => (m.value as { data?: { pseudonym?: string } }).data?.pseudonym === erased.patient.pseudonym),
    }).then((all) => all.filter((m) => (m.value as { data: { pseudonym: string } }).data.pseudonym === erased.patient.pseudonym));

    // The key is gone at once: even before any purge, the identity reads "erased".
    after = await startPrescription({ keys, schema: before.schema });
    const http = () => request(after!.app.getHttpServer());
    const view = (await http().get(`/v1/prescriptions/${erased.id}`).set('Authorization', tokens.cardiologist).expect(200)).body;
    expect(view.patient).toMatchObject({ pseudonym: erased.patient.pseudonym, nir: ERASED, birthDate: ERASED, familyName: ERASED, givenNames: ERASED });

    // Back up on what it left, it reads the erasure it missed and purges what it derived.
    const purged = async () =>
      (await after!.dataSource.query(`SELECT identity_encrypted, patient_erased_at FROM prescriptions WHERE id = $1`, [erased.id]))[0];
    const deadline = Date.now() + 20_000;
    while ((await purged()).patient_erased_at === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await purged()).toEqual({ identity_encrypted: null, patient_erased_at: expect.any(Date) });

    // The other patient is untouched.
    const other = await http().get(`/v1/prescriptions/${kept.id}`).set('Authorization', tokens.cardiologist).expect(200);
    expect(other.body.patient).toMatchObject({ nir: keptBody.patient.nir, birthDate: keptBody.patient.birthDate });

    // The same event again: read (its group's offset passes it), found in the inbox, and nothing acts a second time.
    const firstPurge = (await purged()).patient_erased_at as Date;
    const eventId = (published.value as { id: string }).id;
    await produceMessages(TOPICS.patients, [{ key: published.key, value: JSON.stringify(published.value), headers: published.headers }]);
    const copies = await collectMessages(TOPICS.patients, { until: (all) => all.filter((m) => (m.value as { id?: string }).id === eventId).length >= 2 });
    const copy = copies.filter((m) => (m.value as { id: string }).id === eventId)[1];
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const group = `prescription.patient-erasures-${after.schema}`;
      const until = Date.now() + 20_000;
      const committed = async () =>
        Number((await admin.fetchOffsets({ groupId: group, topics: [TOPICS.patients] }))[0].partitions.find((p) => p.partition === copy.partition)?.offset ?? -1);
      while ((await committed()) <= Number(copy.offset) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await committed()).toBeGreaterThan(Number(copy.offset));
    } finally {
      await admin.disconnect();
    }
    const inbox = await after.dataSource.query(`SELECT consumer FROM inbox WHERE message_id = $1`, [eventId]);
    expect(inbox).toHaveLength(1);
    expect((await purged()).patient_erased_at).toEqual(firstPurge);
    const [{ n }] = await after.dataSource.query(`SELECT count(*)::int AS n FROM prescriptions WHERE patient_erased_at IS NOT NULL`);
    expect(n).toBe(1);
  });
});
