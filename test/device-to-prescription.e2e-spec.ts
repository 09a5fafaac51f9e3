import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { signDevToken } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { collectMessages, createTestPatientKeys, eventually, testSigners, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { enrolmentTokens, startEnrolment } from '../apps/enrolment/src/testing/enrolment.test-app';
import { productBody, startDeviceCertification, tokens as deviceTokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens as prescriptionTokens } from '../apps/prescription/src/testing/prescription.test-app';
import { gatewayOver } from './support/gateway-over';

/**
 * The platform as a client uses it: every call through the gateway, the
 * services on real sockets, the certification reaching the prescription
 * service and every audit entry reaching the ledger only through Kafka.
 * Each service runs as its own database role, as `npm start` runs it: the
 * whole flow needs no privilege beyond rows of its own schema.
 */
describe('a certified device becomes prescribable, then monitored, and the ledger can prove it (gateway, four services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let enrolments: ServiceTestApp;
  let ledger: ServiceTestApp;
  let keys: TestPatientKeys;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());


  beforeAll(async () => {
    // The prescription seals the identity under the patient's key; the enrolment opens it (the AMO rights check needs it): one keys schema.
    keys = await createTestPatientKeys();
    [devices, prescriptions, enrolments, ledger] = await Promise.all([
      startDeviceCertification({ ownRoles: true }),
      startPrescription({ ownRoles: true, keys }),
      startEnrolment({ ownRoles: true, keys }),
      startAuditLedger({ topic: TOPICS.auditEntries, ownRoles: true }),
    ]);
    gateway = await gatewayOver({
      'device-certification': devices.app,
      prescription: prescriptions.app,
      enrolment: enrolments.app,
      'audit-ledger': ledger.app,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices?.close(), prescriptions?.close(), enrolments?.close(), ledger?.close()]);
    await keys?.drop();
  });

  it('certifies a product, then a cardiologist prescribes it; the patient identity never reaches Kafka in clear', async () => {
    const created = await http().post('/v1/devices').set('Authorization', deviceTokens.vendorA).send(productBody()).expect(201);
    const deviceId = created.body.id as string;
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', deviceTokens.vendorA).expect(200);
    const body = prescriptionBody(deviceId);

    // Before certification the referential blocks it: the device is not certified.
    const early = await http().post('/v1/prescriptions/evaluation').set('Authorization', prescriptionTokens.cardiologist).send(body).expect(200);
    expect(early.body.results.find((r: { ruleId: string }) => r.ruleId === 'DEVICE_CERTIFIED').outcome).toBe('BLOCK');

    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', deviceTokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil: new Date(Date.now() + 2 * 365 * 86_400_000).toISOString(), lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] })
      .expect(200);

    // Within 5 seconds (API.md "Consistency") the prescription service knows the certification.
    const deadline = Date.now() + 5_000;
    for (;;) {
      const evaluation = await http().post('/v1/prescriptions/evaluation').set('Authorization', prescriptionTokens.cardiologist).send(body).expect(200);
      const outcomes = Object.fromEntries(evaluation.body.results.map((r: { ruleId: string; outcome: string }) => [r.ruleId, r.outcome]));
      if (outcomes.DEVICE_CERTIFIED === 'PASS') {
        expect(Object.values(outcomes).every((outcome) => outcome === 'PASS')).toBe(true);
        break;
      }
      if (Date.now() > deadline) throw new Error(`certification not seen by prescription within 5 s: ${JSON.stringify(outcomes)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const issued = await http().post('/v1/prescriptions').set('Authorization', prescriptionTokens.cardiologist).send(body).expect(201);
    expect(issued.body).toMatchObject({ status: 'ISSUED', version: 1 });
    const id = issued.body.id as string;

    const mine = await http().get(`/v1/prescriptions/${id}`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    expect(mine.body.patient.nir).toBe(body.patient.nir);
    await http().get(`/v1/prescriptions/${id}`).set('Authorization', prescriptionTokens.otherCardiologist).expect(404);
    await http().get(`/v1/prescriptions/${id}`).expect(401);

    const messages = await collectMessages(TOPICS.prescription, { until: (all) => all.some((m) => m.key === id), timeoutMs: 15_000 });
    const raw = JSON.stringify(messages.filter((m) => m.key === id).map((m) => m.value));
    expect(raw).toContain(deviceId);
    expect(raw).not.toContain(body.patient.nir);
    expect(raw).not.toContain(body.patient.birthDate);

    const [audit] = await prescriptions.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1`, [id]);
    expect(audit.entry).toMatchObject({ subject: `prescription:${id}`, decision: 'ISSUED', rulesVersion: 'has-referential/2026.1' });
    expect(audit.entry.relatedSubjects).toContain(`device:${deviceId}`);

    // Within 5 seconds the enrolment service has made an enrolment of it, through Kafka alone, for the prescription's operator org.
    const operator = enrolmentTokens.operatorOf(body.operatorOrg);
    const started = Date.now();
    const enrolment = await eventually('the enrolment of the prescription', async () => {
      const list = await http().get(`/v1/enrolments?prescriptionId=${id}`).set('Authorization', operator).expect(200);
      return list.body.items[0];
    }, { timeoutMs: 5_000, intervalMs: 100 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(enrolment).toMatchObject({ status: 'PENDING_CONSENT', prescriptionId: id, prescriptionIds: [id], deviceId, operatorOrg: body.operatorOrg, version: 1 });
    const enrolmentId = enrolment.id as string;
    await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', enrolmentTokens.otherOperator).expect(404);

    const patient = enrolmentTokens.patient(body.patient.nir);
    const consented = await http()
      .post(`/v1/enrolments/${enrolmentId}/consent`)
      .set('Authorization', patient)
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(Date.now() - 60_000).toISOString() })
      .expect(200);
    expect(consented.body).toMatchObject({ status: 'PENDING_ACTIVATION', consent: { decision: 'GIVEN', signedBy: 'PATIENT' } });
    // The AMO rights check runs as a job, on the identity the prescription sealed, opened for the call alone.
    await eventually('open rights', async () => {
      const { body: current } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return current.rights.status === 'OPEN' ? current : undefined;
    }, { timeoutMs: 10_000, intervalMs: 100 });
    const udiDi = created.body.udiDi as string;
    await http().post(`/v1/enrolments/${enrolmentId}/device`).set('Authorization', operator).send({ serialNumber: 'SN-E2E-0001', udiDi }).expect(200);
    const active = await http().post(`/v1/enrolments/${enrolmentId}/activation`).set('Authorization', operator).send({}).expect(200);
    expect(active.body).toMatchObject({ status: 'ACTIVE', device: { serialNumber: 'SN-E2E-0001', udiDi } });
    const enrolmentMessages = await collectMessages(TOPICS.enrolment, { until: (all) => all.filter((m) => m.key === enrolmentId).length >= 5, timeoutMs: 15_000 });
    const enrolmentRaw = JSON.stringify(enrolmentMessages.filter((m) => m.key === enrolmentId).map((m) => m.value));
    expect(enrolmentRaw).not.toContain(body.patient.nir.replace(/\s/g, ''));
    expect(enrolmentRaw).not.toContain(body.patient.birthDate);

    // The liability dossier: who decided what, each entry proven against one signed tree head.
    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    let dossier: LiabilityDossier | undefined;
    const until = Date.now() + 15_000;
    while (!dossier) {
      const answer = await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', prescriptionTokens.cardiologist);
      const steps = answer.status === 200 ? (answer.body as LiabilityDossier).entries.map((e) => e.entry.decision) : [];
      if (['REGISTERED', 'SUBMITTED', 'CERTIFIED', 'ISSUED', 'CONSENT_GIVEN', 'ACTIVATED'].every((step) => steps.includes(step))) dossier = answer.body;
      else if (Date.now() > until) throw new Error(`dossier incomplete after 15 s: ${answer.status} ${JSON.stringify(steps)}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The prescription's dossier now names the operator and the patient: consent is the patient's, device and activation the operator's.
    expect(dossier.summary.map((line) => [line.step, line.party])).toEqual([
      ['device.registered', 'vendor'],
      ['device.submitted', 'vendor'],
      ['device.certified', 'evaluator'],
      ['prescription.issued', 'physician'],
      ['enrolment.created', 'system'],
      ['enrolment.consent_recorded', 'patient'],
      ['enrolment.rights_checked', 'system'],
      ['enrolment.device_assigned', 'operator'],
      ['enrolment.activated', 'operator'],
    ]);
    // The services' test keys are the registry here (what GET /v1/ledger/signers would serve).
    const signers = testSigners(['device-certification', 'prescription', 'enrolment']);
    expect(verifyDossier(dossier, key.publicKeyPem, { signers })).toMatchObject({ ok: true, failures: [] });
    const altered = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
    altered.entries[2].entry.evidence = { ...altered.entries[2].entry.evidence, status: 'REJECTED' };
    expect(verifyDossier(altered, key.publicKeyPem, { signers }).ok).toBe(false);
    expect(JSON.stringify(dossier)).not.toContain(body.patient.nir);
    await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', prescriptionTokens.otherCardiologist).expect(403);
  });

  it('answers readiness only when every routed service is ready', async () => {
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ready' });
    const details = await http().get('/health/ready/details').set('Authorization', `Bearer ${signDevToken({ role: 'admin' })}`).expect(200);
    expect(Object.keys(details.body.checks).sort()).toEqual(['audit-ledger', 'device-certification', 'enrolment', 'prescription']);
    await http().get('/v1/devices').set('Authorization', `Bearer ${signDevToken({ role: 'physician' })}`).expect(200);
  });
});
