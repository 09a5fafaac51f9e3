import { eventually } from '@app/testing';
import request from 'supertest';
import { NotificationFeed, type FedEnrolment } from '../testing/notification-feed.fixture';
import { notificationTokens, startNotifications, type NotificationsTestApp } from '../testing/notifications.test-app';

const MINUTE = 60_000;

/**
 * Over the real Kafka: a DeviceSuspended reaches the prescriber of every
 * enrolment ACTIVE on that device when it happened, once, and no one else;
 * the same event delivered again notifies no one twice; an activation that
 * arrives after the suspension still tells its prescriber.
 */
describe('a device suspended, told to the prescribers of its active enrolments (Kafka)', () => {
  let t: NotificationsTestApp;
  const feed = new NotificationFeed();
  const http = () => request(t.app.getHttpServer());
  const inboxOf = async (rpps: string) => {
    const response = await http().get('/v1/notifications').set('Authorization', notificationTokens.physician(rpps)).expect(200);
    return response.body.items as Array<{ id: string; type: string; subject: string; relatedSubjects: string[]; message: string; status: string }>;
  };

  beforeAll(async () => {
    t = await startNotifications();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells every prescriber of an active enrolment once, and nobody else, whatever the redeliveries', async () => {
    const device = await feed.registerDevice();
    const otherDevice = await feed.registerDevice();
    const before = new Date(Date.now() - 10 * MINUTE);
    const active = [await feed.enrol(device, { activatedAt: before }), await feed.enrol(device, { activatedAt: before })];
    const pending = await feed.enrol(device);
    const ended = await feed.enrol(device, { activatedAt: before });
    await feed.enrolmentEvent(ended, 'EnrolmentEnded', {
      cause: 'BY_OPERATOR',
      reason: null,
      endedAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
      endedBy: { role: 'operator', id: 'op', org: ended.operatorOrg },
      causedBy: null,
    });
    const elsewhere = await feed.enrol(otherDevice, { activatedAt: before });
    // Activated before the suspension, but its activation is published after it (another topic, another order).
    const late = await feed.enrol(device);

    const suspension = feed.suspension(device);
    await feed.publish('device', suspension);
    await feed.activate(late, before);
    const told: FedEnrolment[] = [...active, late];
    for (const enrolment of told) {
      await eventually(`prescriber ${enrolment.prescriberRpps} told`, async () => (await inboxOf(enrolment.prescriberRpps)).length === 1, { timeoutMs: 30_000 });
    }
    // The same event again, then a later event of the same device (same key, same partition): once that is through, so is the redelivery.
    await feed.publish('device', suspension);
    await feed.publish('device', feed.productUpdate(device, 3));
    await eventually('the redelivery is through', async () => {
      const [row] = await t.dataSource.query(`SELECT version FROM devices WHERE device_id = $1`, [device.deviceId]);
      return row?.version === 3;
    });

    for (const enrolment of told) {
      const inbox = await inboxOf(enrolment.prescriberRpps);
      expect(inbox).toEqual([
        expect.objectContaining({
          type: 'DEVICE_SUSPENDED',
          status: 'UNREAD',
          subject: `device:${device.deviceId}`,
          relatedSubjects: [`prescription:${enrolment.prescriptionId}`, `enrolment:${enrolment.enrolmentId}`, `patient:${enrolment.pseudonym}`],
        }),
      ]);
      expect(inbox[0].message).toContain(enrolment.pseudonym);
    }
    for (const untold of [pending, elsewhere]) expect(await inboxOf(untold.prescriberRpps)).toEqual([]);
    // The ended one's prescriber was told it ended, not that its device was suspended after.
    expect((await inboxOf(ended.prescriberRpps)).map((n) => n.type)).toEqual(['ENROLMENT_ENDED']);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE source_event_id = $1`, [suspension.id]);
    expect(count).toBe(told.length);
  });

  it('tells the prescriber when the activation and the suspension are handled at the same moment', async () => {
    // Two consumers, two transactions: without the lock per device each would miss the other's row.
    const pairs = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const device = await feed.registerDevice();
        return { device, enrolment: await feed.enrol(device) };
      }),
    );
    const activatedAt = new Date(Date.now() - MINUTE);
    await Promise.all(pairs.flatMap(({ device, enrolment }) => [feed.publish('device', feed.suspension(device)), feed.activate(enrolment, activatedAt)]));
    for (const { enrolment } of pairs) {
      await eventually(`prescriber ${enrolment.prescriberRpps} told`, async () => (await inboxOf(enrolment.prescriberRpps)).length === 1, { timeoutMs: 30_000 });
    }
  });

  it('audits each telling, naming the prescription, under the platform and sealed', async () => {
    const device = await feed.registerDevice();
    const enrolment = await feed.enrol(device, { activatedAt: new Date(Date.now() - MINUTE) });
    await feed.publish('device', feed.suspension(device));
    await eventually('told', async () => (await inboxOf(enrolment.prescriberRpps)).length === 1, { timeoutMs: 30_000 });
    const [notification] = await inboxOf(enrolment.prescriberRpps);
    const entries = await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [notification.id]);
    expect(entries.map(({ entry }: { entry: Record<string, unknown> }) => entry)).toEqual([
      expect.objectContaining({
        action: 'notification.created',
        actor: { id: 'system:notifications', role: 'system' },
        subject: `notification:${notification.id}`,
        relatedSubjects: expect.arrayContaining([`prescription:${enrolment.prescriptionId}`, `device:${device.deviceId}`, `patient:${enrolment.pseudonym}`]),
        seal: expect.any(Object),
      }),
    ]);
  });
});
