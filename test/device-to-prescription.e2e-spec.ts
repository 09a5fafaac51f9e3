import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { signDevToken } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { collectMessages, testSigners, type ServiceTestApp } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
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
describe('a certified device becomes prescribable, and the ledger can prove it (gateway, three services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let ledger: ServiceTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());


  beforeAll(async () => {
    [devices, prescriptions, ledger] = await Promise.all([
      startDeviceCertification({ ownRoles: true }),
      startPrescription({ ownRoles: true }),
      startAuditLedger({ topic: TOPICS.auditEntries, ownRoles: true }),
    ]);
    gateway = await gatewayOver({ 'device-certification': devices.app, prescription: prescriptions.app, 'audit-ledger': ledger.app });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices?.close(), prescriptions?.close(), ledger?.close()]);
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

    // The liability dossier: who decided what, each entry proven against one signed tree head.
    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    let dossier: LiabilityDossier | undefined;
    const until = Date.now() + 15_000;
    while (!dossier) {
      const answer = await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', prescriptionTokens.cardiologist);
      const steps = answer.status === 200 ? (answer.body as LiabilityDossier).entries.map((e) => e.entry.decision) : [];
      if (['REGISTERED', 'SUBMITTED', 'CERTIFIED', 'ISSUED'].every((step) => steps.includes(step))) dossier = answer.body;
      else if (Date.now() > until) throw new Error(`dossier incomplete after 15 s: ${answer.status} ${JSON.stringify(steps)}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(dossier.summary.map((line) => [line.step, line.party])).toEqual([
      ['device.registered', 'vendor'],
      ['device.submitted', 'vendor'],
      ['device.certified', 'evaluator'],
      ['prescription.issued', 'physician'],
    ]);
    // The services' test keys are the registry here (what GET /v1/ledger/signers would serve).
    const signers = testSigners(['device-certification', 'prescription']);
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
    expect(Object.keys(details.body.checks).sort()).toEqual(['audit-ledger', 'device-certification', 'prescription']);
    await http().get('/v1/devices').set('Authorization', `Bearer ${signDevToken({ role: 'physician' })}`).expect(200);
  });
});
