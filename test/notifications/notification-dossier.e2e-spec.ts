import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { eventually, testSigners, type ServiceTestApp } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startAuditLedger, TEST_WRITERS } from '../../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { productBody, startDeviceCertification, tokens as deviceTokens } from '../../apps/device-certification/src/testing/device-certification.test-app';
import { NotificationFeed } from '../../apps/notifications/src/testing/notification-feed.fixture';
import { startNotifications } from '../../apps/notifications/src/testing/notifications.test-app';
import { prescriptionBody } from '../../apps/prescription/src/testing/prescription-request.fixture';
import { RPPS_CARDIOLOGIST, startPrescription, tokens as prescriptionTokens } from '../../apps/prescription/src/testing/prescription.test-app';
import { gatewayOver } from '../support/gateway-over';

jest.setTimeout(120_000);

const WRITERS = [...TEST_WRITERS, 'notifications'];

/**
 * Telling the prescriber is part of the liability record: a device suspended
 * under their active enrolment is notified, and the prescription's dossier
 * shows, proven against the signed tree head, that and when they were told
 * and that and when they read it. Another physician cannot read it.
 */
describe('the dossier shows the prescriber was told of a suspended device, and read it (gateway, four services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let notifications: ServiceTestApp;
  let ledger: ServiceTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());
  const feed = new NotificationFeed();

  beforeAll(async () => {
    [devices, prescriptions, notifications, ledger] = await Promise.all([
      startDeviceCertification(),
      startPrescription(),
      startNotifications(),
      startAuditLedger({ topic: TOPICS.auditEntries, signers: testSigners(WRITERS) }),
    ]);
    gateway = await gatewayOver({
      'device-certification': devices.app,
      prescription: prescriptions.app,
      notifications: notifications.app,
      'audit-ledger': ledger.app,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices?.close(), prescriptions?.close(), notifications?.close(), ledger?.close()]);
  });

  it('holds the notification created and read, naming the prescription, and verifies', async () => {
    const product = productBody();
    const deviceId = (await http().post('/v1/devices').set('Authorization', deviceTokens.vendorA).send(product).expect(201)).body.id as string;
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', deviceTokens.vendorA).expect(200);
    const validUntil = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString();
    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', deviceTokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] })
      .expect(200);
    const prescriptionId = await eventually('the certification in prescription', async () => {
      const issued = await http().post('/v1/prescriptions').set('Authorization', prescriptionTokens.cardiologist).send(prescriptionBody(deviceId));
      return issued.status === 201 ? (issued.body.id as string) : undefined;
    });
    // The enrolment service is not part of this test: its events are fed as it publishes them.
    const enrolment = await feed.enrol(
      { deviceId, vendorOrg: product.manufacturer.siret },
      { prescriptionId, prescriberRpps: RPPS_CARDIOLOGIST, activatedAt: new Date(Date.now() - 60_000) },
    );
    await eventually('the enrolment active in notifications', async () => {
      const [row] = await notifications.dataSource.query(`SELECT status FROM enrolments WHERE enrolment_id = $1`, [enrolment.enrolmentId]);
      return row?.status === 'ACTIVE';
    });
    await http().post(`/v1/devices/${deviceId}/suspension`).set('Authorization', deviceTokens.evaluator).send({ reason: 'battery overheating, lot 42' }).expect(200);

    const notification = await eventually('the prescriber told', async () => {
      const inbox = await http().get('/v1/notifications?unread=true').set('Authorization', prescriptionTokens.cardiologist).expect(200);
      return (inbox.body.items as Array<{ id: string; type: string; relatedSubjects: string[] }>).find(
        (n) => n.type === 'DEVICE_SUSPENDED' && n.relatedSubjects.includes(`prescription:${prescriptionId}`),
      );
    });
    await http().post(`/v1/notifications/${notification.id}/read`).set('Authorization', prescriptionTokens.otherCardiologist).expect(404);
    const read = await http().post(`/v1/notifications/${notification.id}/read`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    expect(read.body).toMatchObject({ id: notification.id, status: 'READ', version: 2, readAt: expect.any(String) });
    // Reading again answers it as it is: the first reading is the one recorded.
    const again = await http().post(`/v1/notifications/${notification.id}/read`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const dossier = await eventually('the telling and the reading in the dossier', async () => {
      const answer = await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', prescriptionTokens.cardiologist);
      const body = answer.body as LiabilityDossier;
      const actions = answer.status === 200 ? body.entries.map((e) => e.entry.action) : [];
      return actions.includes('notification.created') && actions.includes('notification.read') ? body : undefined;
    }, { timeoutMs: 30_000 });
    const ofNotification = dossier.entries.filter((e) => e.entry.subject === `notification:${notification.id}`).map((e) => e.entry);
    expect(ofNotification).toEqual([
      expect.objectContaining({ action: 'notification.created', actor: { id: 'system:notifications', role: 'system' }, service: 'notifications' }),
      expect.objectContaining({ action: 'notification.read', actor: { id: 'cardiologist-user', role: 'physician' }, occurredAt: read.body.readAt }),
    ]);
    for (const entry of ofNotification) expect(entry.relatedSubjects).toEqual(expect.arrayContaining([`prescription:${prescriptionId}`, `device:${deviceId}`]));
    const suspended = dossier.entries.find((e) => e.entry.decision === 'SUSPENDED')!;
    expect(new Date(ofNotification[0].occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(suspended.entry.occurredAt).getTime());

    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    expect(verifyDossier(dossier, key.publicKeyPem, { signers: testSigners(WRITERS) })).toMatchObject({ ok: true });
  });
});
