import { eventually } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Writable } from 'node:stream';
import request from 'supertest';
import { signatureMatches } from '../domain/webhook-signature';
import { webhookDeliveryId } from '../domain/webhook-delivery';
import { WebhookDeliveriesRepository } from '../projections/webhook-deliveries.repository';
import type { WebhookDeliveryView } from '../projections/webhook-delivery-view';
import { notificationTokens, startNotifications, type NotificationsTestApp } from '../testing/notifications.test-app';
import { answering, newSecret, notifyOrg, registerWebhook, silent, WebhookReceivers, type Answer } from '../testing/webhook-receivers.fixture';
import { WEBHOOK_DELIVERY_QUEUE } from './webhook-delivery.queue';
import { WebhookDeliverySweep } from './webhook-delivery.sweep';

/**
 * Deliveries over the real Kafka, Redis and Postgres to receivers on real
 * sockets: a notification created for an org goes out through the outbox on
 * notifications.events.v1, the service's own consumer makes one delivery per
 * subscribed webhook, and BullMQ POSTs it (short retries: TEST_NOTIFICATIONS_ENV,
 * 6 attempts of at most 300 ms, about 2.5 s in all for a receiver that never answers).
 */
describe('webhook deliveries (real Kafka, Redis, Postgres, HTTP)', () => {
  let t: NotificationsTestApp;
  const receivers = new WebhookReceivers();
  const http = () => request(t.app.getHttpServer());
  const logs: string[] = [];
  const secrets: string[] = [];
  const deliveryIds: string[] = [];
  let orgs = 0;
  const newOrg = () => `TLSM-WEBHOOK-${process.pid}-${(orgs += 1)}`;

  const deliveriesOf = async (org: string, webhookId: string): Promise<WebhookDeliveryView[]> => {
    const response = await http().get(`/v1/webhooks/${webhookId}/deliveries`).set('Authorization', notificationTokens.operator(org)).expect(200);
    return response.body.items;
  };
  const deliveryIn = (org: string, webhookId: string, status: WebhookDeliveryView['status']) =>
    eventually(
      `a ${status} delivery of webhook ${webhookId}`,
      async () => {
        const found = (await deliveriesOf(org, webhookId)).find((d) => d.status === status);
        if (found) deliveryIds.push(found.id);
        return found;
      },
      { timeoutMs: 30_000 },
    );
  const hook = async (answer: Answer, events: Parameters<typeof registerWebhook>[3] = ['INCIDENT_OPENED']) => {
    const org = newOrg();
    const secret = newSecret();
    secrets.push(secret);
    const receiver = await receivers.start(answer);
    const webhookId = await registerWebhook(t, org, receiver.url, events, secret);
    return { org, secret, webhookId, ...receiver };
  };

  beforeAll(async () => {
    // Every level of every log, kept: the last test looks for secrets and bodies in them.
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await startNotifications({ logs: sink });
  });

  afterAll(async () => {
    receivers.close();
    await t?.close();
  });

  it('POSTs the notification as the inbox gives it, signed under the secret, with the notification id as event id', async () => {
    const { org, secret, webhookId, received } = await hook(answering(204));
    const notificationId = await notifyOrg(t, org, 'INCIDENT_OPENED');
    const delivery = await deliveryIn(org, webhookId, 'DELIVERED');

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(signatureMatches(secret, body, String(headers['x-signature']))).toBe(true);
    expect(signatureMatches('another-secret-of-16+', body, String(headers['x-signature']))).toBe(false);
    expect(headers['x-event-id']).toBe(notificationId);
    expect(headers['content-type']).toBe('application/json');
    const inbox = await http().get('/v1/notifications').set('Authorization', notificationTokens.operator(org)).expect(200);
    expect(JSON.parse(body)).toEqual(inbox.body.items.find((item: { id: string }) => item.id === notificationId));
    expect(delivery).toMatchObject({ notificationId, type: 'INCIDENT_OPENED', attempts: 1, lastStatusCode: 204 });
    expect(delivery.attemptLog).toEqual([{ attempt: 1, at: expect.any(String), outcome: 'DELIVERED', statusCode: 204, durationMs: expect.any(Number) }]);
  });

  it('delivers to a receiver failing three times once it answers 200: one logical delivery, four attempts logged', async () => {
    const { org, webhookId, received } = await hook((n, response) => void response.writeHead(n <= 3 ? 500 : 200).end());
    const notificationId = await notifyOrg(t, org, 'INCIDENT_OPENED');
    const delivery = await deliveryIn(org, webhookId, 'DELIVERED');

    expect(await deliveriesOf(org, webhookId)).toHaveLength(1);
    expect(delivery).toMatchObject({ notificationId, status: 'DELIVERED', attempts: 4, lastStatusCode: 200, deliveredAt: expect.any(String) });
    expect(delivery).not.toHaveProperty('failedAt');
    expect(delivery.attemptLog.map(({ attempt, outcome, statusCode }) => ({ attempt, outcome, statusCode }))).toEqual([
      { attempt: 1, outcome: 'FAILED', statusCode: 500 },
      { attempt: 2, outcome: 'FAILED', statusCode: 500 },
      { attempt: 3, outcome: 'FAILED', statusCode: 500 },
      { attempt: 4, outcome: 'DELIVERED', statusCode: 200 },
    ]);
    expect(delivery.attemptLog[0].error).toBe('the receiver answered 500');
    // The receiver deduplicates by the event id: the same at every attempt.
    expect(new Set(received.map(({ headers }) => headers['x-event-id']))).toEqual(new Set([notificationId]));
    expect(received).toHaveLength(4);
  });

  it('marks FAILED a receiver that never answers, after its attempts, while another delivery started after it is DELIVERED meanwhile', async () => {
    const stuck = await hook(silent);
    const healthy = await hook(answering(200));
    await notifyOrg(t, stuck.org, 'INCIDENT_OPENED');
    await eventually('the silent receiver reached', async () => stuck.received.length >= 1, { timeoutMs: 30_000 });
    await notifyOrg(t, healthy.org, 'INCIDENT_OPENED');

    const delivered = await deliveryIn(healthy.org, healthy.webhookId, 'DELIVERED');
    const [meanwhile] = await deliveriesOf(stuck.org, stuck.webhookId);
    expect(meanwhile.status).toBe('PENDING');

    const failed = await deliveryIn(stuck.org, stuck.webhookId, 'FAILED');
    expect(failed.attempts).toBe(6);
    expect(failed.attemptLog).toHaveLength(6);
    expect(failed.attemptLog.every((a) => a.outcome === 'FAILED' && a.error === 'no answer within 300 ms' && a.statusCode === undefined)).toBe(true);
    expect(failed).toMatchObject({ lastError: 'no answer within 300 ms', failedAt: expect.any(String) });
    expect(failed).not.toHaveProperty('lastStatusCode');
    expect(stuck.received).toHaveLength(6);
    // Well before: the healthy delivery did not wait for the silent one's retries.
    expect(Date.parse(failed.failedAt!) - Date.parse(delivered.deliveredAt!)).toBeGreaterThan(1_000);
  });

  it('delivers only the types a webhook subscribes to, once per webhook of the org', async () => {
    const claims = await hook(answering(200), ['CLAIM_PAID']);
    const second = await receivers.start(answering(200));
    const both = await registerWebhook(t, claims.org, second.url, ['CLAIM_PAID', 'INCIDENT_OPENED'], newSecret());
    await notifyOrg(t, claims.org, 'INCIDENT_OPENED');
    const notificationId = await notifyOrg(t, claims.org, 'CLAIM_PAID');
    await deliveryIn(claims.org, claims.webhookId, 'DELIVERED');
    await eventually('both deliveries of the second webhook', async () => (await deliveriesOf(claims.org, both)).filter((d) => d.status === 'DELIVERED').length === 2);
    expect((await deliveriesOf(claims.org, claims.webhookId)).map((d) => d.notificationId)).toEqual([notificationId]);
    expect(claims.received).toHaveLength(1);
  });

  it("stops a deleted webhook's pending delivery: FAILED, without POSTing again", async () => {
    // The first attempt is held open until the webhook is deleted, then fails: the retry finds the webhook deleted.
    let release: () => void = () => undefined;
    const { org, webhookId, received } = await hook((_n, response) => {
      release = () => void response.writeHead(503).end();
    });
    await notifyOrg(t, org, 'INCIDENT_OPENED');
    await eventually('a first attempt', async () => received.length >= 1, { timeoutMs: 30_000, intervalMs: 20 });
    const deletion = await http().delete(`/v1/webhooks/${webhookId}`).set('Authorization', notificationTokens.operator(org)).expect(200);
    expect(deletion.body).toMatchObject({ id: webhookId, status: 'DELETED', version: 2 });
    // Every attempt so far was held, so reached the receiver: none may come after the deletion.
    const postsBeforeDeletion = received.length;
    release();
    const failed = await deliveryIn(org, webhookId, 'FAILED');
    expect(failed.lastError).toBe('the webhook was deleted');
    expect(failed.attempts).toBe(postsBeforeDeletion);
    expect(failed.attemptLog).toHaveLength(postsBeforeDeletion);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(postsBeforeDeletion);
  });

  it('queues again, at the sweep, a pending delivery whose job was lost', async () => {
    const { org, webhookId, received } = await hook(answering(200), ['CLAIM_PAID']);
    // A notification of a type the webhook does not take: the consumer makes no delivery of it; the test makes one, with no job.
    const notificationId = await notifyOrg(t, org, 'INCIDENT_OPENED');
    const deliveryId = webhookDeliveryId(webhookId, notificationId, new Date());
    await t.app.get(WebhookDeliveriesRepository).addPending([{ id: deliveryId, webhookId, notificationId, type: 'INCIDENT_OPENED', createdAt: new Date(Date.now() - 120_000) }]);
    expect((await t.app.get(WebhookDeliverySweep).run()).requeued).toContain(deliveryId);
    const delivered = await deliveryIn(org, webhookId, 'DELIVERED');
    expect(delivered).toMatchObject({ id: deliveryId, attempts: 1 });
    expect(received.map(({ headers }) => headers['x-event-id'])).toEqual([notificationId]);
    expect((await t.app.get(WebhookDeliverySweep).run()).requeued).not.toContain(deliveryId);
  });

  it('logs no secret and no body, and keeps neither in the delivery jobs', async () => {
    const queue = t.app.get<Queue>(getQueueToken(WEBHOOK_DELIVERY_QUEUE));
    const jobs = await Promise.all(deliveryIds.map((id) => queue.getJob(id)));
    const stored = JSON.stringify(jobs.filter((job) => job).map((job) => job!.toJSON()));
    expect(jobs.filter((job) => job).length).toBeGreaterThan(0);
    const text = logs.join('');
    expect(text).toContain('will be tried again');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    // The notifications' message names a patient's pseudonym: it is in the body, never in a log or a job.
    expect(text).not.toContain('ps-webhook-test');
    expect(stored).not.toContain('ps-webhook-test');
  });
});
