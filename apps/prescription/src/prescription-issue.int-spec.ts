import { commitmentMatches, verifyChain } from '@app/audit';
import { TOPICS, type AuditEntry } from '@app/contracts';
import { patientPseudonym } from '@app/fr-health';
import { ensureTopics } from '@app/messaging';
import { collectMessages, testKafka } from '@app/testing';
import request from 'supertest';
import { DeviceCertificationFeed } from './testing/device-events.fixture';
import { prescriptionBody } from './testing/prescription-request.fixture';
import { RPPS_CARDIOLOGIST, startPrescription, tokens, type PrescriptionTestApp } from './testing/prescription.test-app';

describe('issuing prescriptions (real Postgres, Kafka, Redis)', () => {
  let t: PrescriptionTestApp;
  const http = () => request(t.app.getHttpServer());
  const issue = (body: object, token = tokens.cardiologist) => http().post('/v1/prescriptions').set('Authorization', token).send(body);

  beforeAll(async () => {
    // The relay creates the topic on its first publish; the collector may subscribe before that.
    await ensureTopics(testKafka(), [TOPICS.prescription, TOPICS.auditEntries]);
    t = await startPrescription();
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditOf = async (streamId: string) =>
    (await t.dataSource.query('SELECT entry, hash FROM audit_entries WHERE stream_id = $1 ORDER BY seq', [streamId])) as Array<{
      entry: AuditEntry;
      hash: string;
    }>;

  it('issues on a device certified through device-certification events, and no NIR or birth date reaches Kafka', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const body = prescriptionBody(device.deviceId);
    const evaluation = await http().post('/v1/prescriptions/evaluation').set('Authorization', tokens.cardiologist).send(body).expect(200);
    expect(evaluation.body.referentialVersion).toBe('2026.1');
    expect(evaluation.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(10).fill('PASS'));
    expect(await t.dataSource.query('SELECT * FROM prescriptions')).toEqual([]);

    const issued = await issue(body).expect(201);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
    expect(issued.body).toMatchObject({
      status: 'ISSUED',
      version: 1,
      startDate: today,
      prescriber: { rpps: RPPS_CARDIOLOGIST, specialty: 'cardiology' },
      patient: { nir: body.patient.nir, birthDate: body.patient.birthDate, ald: true },
      device: { id: device.deviceId, udiDi: '03760123450010' },
      evaluation: { referentialVersion: '2026.1' },
      deviceCertification: { status: 'CERTIFIED', certifiedIndications: ['HEART_FAILURE'], position: { version: 3 } },
      renewalOf: null,
    });
    const id = issued.body.id as string;

    const audit = await auditOf(id);
    expect(audit[0].entry).toMatchObject({
      subject: `prescription:${id}`,
      relatedSubjects: [`device:${device.deviceId}`, `patient:${issued.body.patient.pseudonym}`],
      decision: 'ISSUED',
      rulesVersion: 'has-referential/2026.1',
      actor: { id: 'cardiologist-user', role: 'physician' },
    });
    expect(verifyChain(audit)).toEqual({ ok: true });

    const messages = await collectMessages(TOPICS.prescription, {
      until: (collected) => collected.some((m) => (m.value as { streamId?: string })?.streamId === id),
    });
    const ours = messages.find((m) => (m.value as { streamId?: string }).streamId === id);
    expect(ours?.key).toBe(id);
    expect(ours?.value).toMatchObject({
      type: 'PrescriptionIssued',
      data: { patient: { pseudonym: expect.stringMatching(/^[0-9a-f]{64}$/), identityEncrypted: expect.stringMatching(/^pf1\.1\./) } },
    });
    const auditMessages = await collectMessages(TOPICS.auditEntries, {
      until: (collected) => collected.some((m) => JSON.stringify(m.value).includes(`prescription:${id}`)),
    });
    for (const message of [...messages, ...auditMessages]) {
      const raw = JSON.stringify(message.value);
      expect(raw).not.toContain(body.patient.nir);
      expect(raw).not.toContain(body.patient.birthDate);
    }
  });

  it('refuses a WARN without justification (422, audited attempt), then issues it with one, override in event and audit', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify({ connectivity: ['CELLULAR_4G'] });
    const base = prescriptionBody(device.deviceId);
    const body = { ...base, patient: { ...base.patient, homeCellularCoverage: 'POOR' } };

    const refused = await issue(body).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'PRESCRIPTION.RULES_REFUSED',
      evaluation: { referentialVersion: '2026.1' },
      attemptId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const warned = refused.body.error.evaluation.results.filter((r: { outcome: string }) => r.outcome !== 'PASS');
    expect(warned).toEqual([{ ruleId: 'HOME_COVERAGE', outcome: 'WARN', message: expect.any(String) }]);
    expect(refused.body.error.details).toHaveLength(10);
    const [attempt] = await auditOf(refused.body.error.attemptId);
    expect(attempt.entry).toMatchObject({
      subject: `attempt:${refused.body.error.attemptId}`,
      relatedSubjects: [`device:${device.deviceId}`, `patient:${patientPseudonym(body.patient.nir, process.env.PSEUDONYM_SECRET ?? '')}`],
      decision: 'REFUSED',
      evidence: { unjustifiedWarnings: ['HOME_COVERAGE'] },
    });
    expect(JSON.stringify(attempt.entry)).not.toContain(body.patient.nir);

    const short = await issue({ ...body, overrides: [{ ruleId: 'HOME_COVERAGE', justification: 'gateway soon' }] }).expect(422);
    expect(short.body.error.code).toBe('PRESCRIPTION.RULES_REFUSED');

    const justification = 'Patient installs a home Wi-Fi gateway supplied by the operator';
    const issued = await issue({ ...body, overrides: [{ ruleId: 'HOME_COVERAGE', justification }] }).expect(201);
    expect(issued.body.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification }]);
    // The event holds the text sealed, the entry its commitment alone, and the text with its salt is kept for the dossier.
    const [event] = await t.dataSource.query('SELECT data FROM events WHERE stream_id = $1', [issued.body.id]);
    expect(event.data.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/), ciphertext: expect.stringMatching(/^pf1\./) } }]);
    expect(JSON.stringify(event.data)).not.toContain(justification);
    const [audit] = await auditOf(issued.body.id);
    const { commitment } = event.data.overrides[0].justification;
    expect(audit.entry.evidence).toMatchObject({ overrides: [{ ruleId: 'HOME_COVERAGE', justification: { commitment } }] });
    expect(JSON.stringify(audit.entry)).not.toContain(justification);
    const disclosed = await http()
      .post('/internal/audit-disclosures')
      .set('Authorization', tokens.cardiologist)
      .send({ entryIds: [audit.entry.id] })
      .expect(200);
    expect(disclosed.body.items).toEqual([{ entryId: audit.entry.id, path: '/evidence/overrides/0/justification', text: justification, salt: expect.any(String) }]);
    expect(commitmentMatches(commitment, disclosed.body.items[0].salt, justification)).toBe(true);
    const byOther = await http().post('/internal/audit-disclosures').set('Authorization', tokens.otherCardiologist).send({ entryIds: [audit.entry.id] }).expect(200);
    expect(byOther.body.items).toEqual([]);
    // An auditor reads the text too; an admin reads the prescription without it.
    const audited = await http().get(`/v1/prescriptions/${issued.body.id}`).set('Authorization', tokens.auditor).expect(200);
    expect(audited.body.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification }]);
    expect(audited.body.patient.nir).toBeUndefined();
  });

  it('refuses a device suspended or expired before the prescription date with DEVICE_CERTIFIED', async () => {
    const suspended = await new DeviceCertificationFeed(t.dataSource).certify();
    await suspended.publish('DeviceSuspended', { reason: 'vigilance alert', evaluatorOrg: 'EVAL-GMED' });
    const expired = await new DeviceCertificationFeed(t.dataSource).certify(
      { validUntil: new Date(Date.now() - 86_400_000).toISOString() },
      new Date(Date.now() - 400 * 86_400_000),
    );
    for (const device of [suspended, expired]) {
      const refused = await issue(prescriptionBody(device.deviceId)).expect(422);
      const result = refused.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'DEVICE_CERTIFIED');
      expect(result.outcome).toBe('BLOCK');
    }
  });

  it('refuses a device certified for other indications with INDICATION_CERTIFIED, and an unknown one with DEVICE_CERTIFIED', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify({ certifiedIndications: ['DIABETES'] });
    const refused = await issue(prescriptionBody(device.deviceId)).expect(422);
    const blocks = refused.body.error.evaluation.results.filter((r: { outcome: string }) => r.outcome === 'BLOCK');
    expect(blocks.map((r: { ruleId: string }) => r.ruleId)).toEqual(['INDICATION_CERTIFIED']);

    const unknown = await issue(prescriptionBody('01950000-0000-7000-8000-00000000dead')).expect(422);
    expect(unknown.body.error.evaluation.results[0]).toMatchObject({ ruleId: 'DEVICE_CERTIFIED', outcome: 'BLOCK' });
  });

  it('answers 400 for a clinical field of the wrong type, 422 PATIENT_ELIGIBILITY for a missing one', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const wrongType = await issue(prescriptionBody(device.deviceId, { clinical: { nyhaClass: 'III' } })).expect(400);
    expect(wrongType.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    await issue(prescriptionBody(device.deviceId, { clinical: { nyhaClass: 7, hospitalisedForHfWithin12Months: true } })).expect(400);
    await issue(prescriptionBody(device.deviceId, { clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: 'yes' } })).expect(400);
    const patient = { nir: '184037512345690', homeCellularCoverage: 'GOOD', ald: true };
    await issue(prescriptionBody(device.deviceId, { patient: { ...patient, birthDate: '1984-02-30' } })).expect(400);
    await issue(prescriptionBody(device.deviceId, { patient: { ...patient, birthDate: '2999-01-01' } })).expect(400);
    await issue(prescriptionBody(device.deviceId, { patient: { ...patient, nir: '184037512345691', birthDate: '1984-03-02' } })).expect(400);
    const missing = await issue(prescriptionBody(device.deviceId, { clinical: { hospitalisedForHfWithin12Months: true } })).expect(422);
    const eligibility = missing.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'PATIENT_ELIGIBILITY');
    expect(eligibility).toMatchObject({ outcome: 'BLOCK', message: expect.stringContaining('missing nyhaClass') });
  });

  it('issues exactly one of two simultaneous prescriptions for the same patient and indication', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const body = prescriptionBody(device.deviceId);
    const answers = await Promise.all([issue(body), issue(body, tokens.otherCardiologist)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
    const loser = answers.find((answer) => answer.status === 422);
    const duplicate = loser?.body.error.evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'NO_DUPLICATE');
    expect(duplicate.outcome).toBe('BLOCK');
    expect(await auditOf(loser?.body.error.attemptId)).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM prescriptions WHERE device_id = $1 AND status = 'ISSUED'`, [
      device.deviceId,
    ]);
    expect(n).toBe(1);
  });
});
