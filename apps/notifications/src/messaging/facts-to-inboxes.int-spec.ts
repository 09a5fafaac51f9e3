import type { ClaimCreatedV1, ClaimEventsV1, DeviceCertificationEventsV1 } from '@app/contracts';
import { certificationGranted, eventually, randomSiret } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { NotificationFeed, type FedEnrolment } from '../testing/notification-feed.fixture';
import { notificationTokens, startNotifications, type NotificationsTestApp } from '../testing/notifications.test-app';

type Item = { id: string; type: string; status: string; subject: string; relatedSubjects: string[]; message: string; readAt?: string };

/**
 * Over the real Kafka, each rule of NOTIFICATION_RULES as a user meets it:
 * the fact reaches exactly its audiences' inboxes (a physician's own, an
 * organisation's), the conditions hold (closed rights only, incidents the
 * platform opened only), and the inbox pages, filters and reads.
 */
describe('facts to inboxes (Kafka, the real service)', () => {
  let t: NotificationsTestApp;
  const feed = new NotificationFeed();
  const http = () => request(t.app.getHttpServer());
  const inbox = async (token: string, query = '') => (await http().get(`/v1/notifications${query}`).set('Authorization', token).expect(200)).body;
  const itemsOf = async (token: string) => (await inbox(token)).items as Item[];
  const physician = (enrolment: FedEnrolment) => notificationTokens.physician(enrolment.prescriberRpps);
  const operator = (enrolment: FedEnrolment) => notificationTokens.operator(enrolment.operatorOrg);
  const auditedActions = async (id: string) =>
    (await t.dataSource.query(`SELECT entry->>'action' AS action FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [id])).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await startNotifications();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells closed rights to the prescriber (engaged: audited) and the operator (informed), and open rights to no one', async () => {
    const enrolment = await feed.enrol(await feed.registerDevice());
    await feed.enrolmentEvent(enrolment, 'RightsChecked', { request: 1, status: 'OPEN', checkedAt: new Date().toISOString(), attempts: 1 });
    await feed.enrolmentEvent(enrolment, 'RightsChecked', { request: 2, status: 'CLOSED', checkedAt: new Date().toISOString(), attempts: 1 });
    const [told] = await eventually('the prescriber told', async () => {
      const items = await itemsOf(physician(enrolment));
      return items.length > 0 ? items : undefined;
    });
    const operatorItems = await eventually('the operator told', async () => {
      const items = await itemsOf(operator(enrolment));
      return items.length > 0 ? items : undefined;
    });
    expect(told).toMatchObject({ type: 'RIGHTS_CLOSED', subject: `enrolment:${enrolment.enrolmentId}` });
    expect(operatorItems.map((n) => n.type)).toEqual(['RIGHTS_CLOSED']);
    expect(await auditedActions(told.id)).toEqual(['notification.created']);
    expect(await auditedActions(operatorItems[0].id)).toEqual([]);
    // Neither the NIR nor a name: the patient by pseudonym only.
    expect(told.message).toContain(enrolment.pseudonym);
    expect(told.relatedSubjects).toContain(`patient:${enrolment.pseudonym}`);
  });

  it('tells the operator the incidents the platform opened, not those it opened itself; the prescriber a low observance and the operator\'s suspension', async () => {
    const enrolment = await feed.enrol(await feed.registerDevice(), { activatedAt: new Date(Date.now() - 86_400_000) });
    const incident = (openedBy: 'system' | 'operator') => ({
      incidentId: uuidv7(),
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      endedAt: null,
      cause: 'UNKNOWN' as const,
      responsibleParty: 'operator' as const,
      openedBy,
      recordedAt: new Date().toISOString(),
    });
    await feed.enrolmentEvent(enrolment, 'ConnectivityIncidentOpened', incident('operator'));
    await feed.enrolmentEvent(enrolment, 'ConnectivityIncidentOpened', incident('system'));
    await feed.enrolmentEvent(enrolment, 'ObservanceLow', { month: 1, from: '2026-11-01', to: '2026-11-30', daysWithData: 9, days: 30, prescriberRpps: enrolment.prescriberRpps });
    // The platform's reaction to a device suspended is told as the device's fact, not again as a suspension (published first: in order, it is through when the next is).
    await feed.enrolmentEvent(enrolment, 'EnrolmentSuspended', {
      cause: 'DEVICE_SUSPENDED',
      reason: null,
      suspendedAt: new Date().toISOString(),
      suspendedBy: { role: 'system', id: 'system:enrolment' },
      causedBy: { eventId: uuidv7(), type: 'DeviceSuspended', streamId: enrolment.deviceId },
    });
    await feed.enrolmentEvent(enrolment, 'EnrolmentResumed', { resumedAt: new Date().toISOString(), resumedBy: { role: 'system', id: 'system:enrolment' }, causedBy: null });
    await feed.enrolmentEvent(enrolment, 'EnrolmentSuspended', {
      cause: 'BY_OPERATOR',
      reason: null,
      suspendedAt: new Date().toISOString(),
      suspendedBy: { role: 'operator', id: 'op', org: enrolment.operatorOrg },
      causedBy: null,
    });
    const prescriberItems = await eventually('the prescriber told twice', async () => {
      const items = await itemsOf(physician(enrolment));
      return items.length === 2 ? items : undefined;
    });
    expect(prescriberItems.map((n) => n.type).sort()).toEqual(['ENROLMENT_SUSPENDED', 'OBSERVANCE_LOW']);
    const low = prescriberItems.find((n) => n.type === 'OBSERVANCE_LOW')!;
    expect(low.message).toContain('9 of 30 days');
    expect(await auditedActions(low.id)).toEqual(['notification.created']);
    expect(await auditedActions(prescriberItems.find((n) => n.type === 'ENROLMENT_SUSPENDED')!.id)).toEqual([]);
    expect((await itemsOf(operator(enrolment))).map((n) => n.type)).toEqual(['INCIDENT_OPENED']);
  });

  it('tells each payee of a claim its rejection, and its own amount when paid', async () => {
    const enrolment = await feed.enrol(await feed.registerDevice());
    const exploitant = randomSiret();
    const claimId = uuidv7();
    const created: ClaimCreatedV1 = {
      claimId,
      enrolmentId: enrolment.enrolmentId,
      prescriptionId: enrolment.prescriptionId,
      prescriptionIds: [enrolment.prescriptionId],
      prescriberRpps: [enrolment.prescriberRpps],
      device: { id: enrolment.deviceId, udiDi: '03760123450010', lppCode: '1612544' },
      patient: { pseudonym: enrolment.pseudonym, identityEncrypted: 'sealed' },
      indication: 'HEART_FAILURE',
      ald: true,
      period: '2026-11',
      billableDates: ['2026-11-02'],
      billableDays: 20,
      lines: [
        { kind: 'OPERATOR', code: 'TVA', payee: enrolment.operatorOrg, amountCents: 5_000, amoShareCents: 5_000 },
        { kind: 'TECHNICAL', code: '1612544', payee: exploitant, amountCents: 7_000, amoShareCents: 7_000 },
      ],
      totalCents: 12_000,
      amoShareCents: 12_000,
      patientShareCents: 0,
      amoRatePercent: 100,
      tariffVersion: '2026-01',
      fileActive: { semester: '2026-S2', patients: 10, trancheFromPatients: 1, trancheCents: 7_000 },
      correctionOf: null,
      billingRunId: uuidv7(),
      createdAt: new Date().toISOString(),
    };
    const claimEvent = <T extends keyof ClaimEventsV1 & string>(type: T, data: ClaimEventsV1[T], version: number) =>
      feed.envelope<ClaimEventsV1, T>('claim', claimId, type, data, version);
    await feed.publish(
      'claim',
      claimEvent('ClaimCreated', created, 1),
      claimEvent('ClaimRejected', { source: 'PROCESSOR', reasonCode: 'R-DOC', note: null, rejectedAt: new Date().toISOString(), rejectedBy: { role: 'claims_processor', id: 'p' } }, 2),
      claimEvent('ClaimPaid', {
        paymentRunId: uuidv7(),
        reference: 'PAY-1',
        paidAt: new Date().toISOString(),
        amountCents: 12_000,
        lines: [
          { kind: 'OPERATOR', code: 'TVA', payee: enrolment.operatorOrg, amountCents: 5_000, remittanceId: uuidv7() },
          { kind: 'TECHNICAL', code: '1612544', payee: exploitant, amountCents: 7_000, remittanceId: uuidv7() },
        ],
      }, 3),
    );
    for (const [token, cents] of [[operator(enrolment), '50.00'], [notificationTokens.vendor(exploitant), '70.00']] as const) {
      const items = await eventually('the payee told twice', async () => {
        const found = await itemsOf(token);
        return found.length === 2 ? found : undefined;
      });
      expect(items.map((n) => n.type).sort()).toEqual(['CLAIM_PAID', 'CLAIM_REJECTED']);
      expect(items.every((n) => n.subject === `claim:${claimId}`)).toBe(true);
      expect(items.find((n) => n.type === 'CLAIM_PAID')!.message).toContain(`${cents} EUR`);
    }
    expect(await itemsOf(physician(enrolment))).toEqual([]);
  });

  it('tells the vendor its review is decided, and pages, filters and reads its inbox', async () => {
    const device = await feed.registerDevice();
    const certified = certificationGranted(new Date(), { manufacturerSiret: device.vendorOrg });
    await feed.publish('device', feed.envelope<DeviceCertificationEventsV1, 'DeviceCertified'>('device', device.deviceId, 'DeviceCertified', certified, 2));
    const vendor = notificationTokens.vendor(device.vendorOrg);
    const [decided] = await eventually('the vendor told', async () => {
      const items = await itemsOf(vendor);
      return items.length === 1 ? items : undefined;
    });
    expect(decided).toMatchObject({ type: 'REVIEW_DECIDED', subject: `device:${device.deviceId}`, status: 'UNREAD' });
    expect(decided.message).toContain('CERTIFIED');

    expect(await inbox(vendor, '?unread=true')).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    const read = await http().post(`/v1/notifications/${decided.id}/read`).set('Authorization', vendor).expect(200);
    expect(read.body).toMatchObject({ status: 'READ', version: 2 });
    expect(await inbox(vendor, '?unread=true')).toMatchObject({ items: [], total: 0 });
    expect(await inbox(vendor, '?unread=false')).toMatchObject({ total: 1 });
    // Another vendor, a patient, a claims processor: nothing of it.
    await http().post(`/v1/notifications/${decided.id}/read`).set('Authorization', notificationTokens.vendor(randomSiret())).expect(404);
    expect(await inbox(notificationTokens.claimsProcessor)).toMatchObject({ items: [], total: 0 });
    const bad = await http().get('/v1/notifications?unread=yes').set('Authorization', vendor).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'unread' })]);
    await http().post('/v1/notifications/not-a-uuid/read').set('Authorization', vendor).expect(400);
    await http().get('/v1/notifications').expect(401);
  });
});
