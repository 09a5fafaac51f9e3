import { signDevToken } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { collectMessages, type ServiceTestApp } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../apps/gateway/src/gateway.config';
import { productBody, startDeviceCertification, tokens as deviceTokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens as prescriptionTokens } from '../apps/prescription/src/testing/prescription.test-app';

/**
 * The platform as a client uses it: every call through the gateway, the two
 * services on real sockets, and the certification reaching the prescription
 * service only through Kafka.
 */
describe('a certified device becomes prescribable (gateway, two services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());

  const listen = async (app: INestApplication): Promise<number> => {
    await app.listen(0, '127.0.0.1');
    return (app.getHttpServer().address() as AddressInfo).port;
  };

  beforeAll(async () => {
    [devices, prescriptions] = await Promise.all([startDeviceCertification(), startPrescription()]);
    const services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [] },
      { name: 'device-certification', port: await listen(devices.app), entry: 'x.ts', prefixes: ['/v1/devices'] },
      { name: 'prescription', port: await listen(prescriptions.app), entry: 'x.ts', prefixes: ['/v1/prescriptions', '/v1/referential'] },
    ];
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, NODE_ENV: 'test' }, { defaultPort: 3000 }), services, {});
    await gateway.init();
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices?.close(), prescriptions?.close()]);
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
  });

  it('answers readiness only when every routed service is ready', async () => {
    const ready = await http().get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['device-certification', 'prescription']);
    await http().get('/v1/devices').set('Authorization', `Bearer ${signDevToken({ role: 'physician' })}`).expect(200);
  });
});
