import { createTestDatabase, type TestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { webhookDeliveryId } from '../domain/webhook-delivery';
import { migrations } from '../migrations';
import { WebhookAttemptsRepository } from './webhook-attempts.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { NewWebhookDelivery, WebhookAttemptRecord } from './webhook-delivery-view';
import { WebhooksRepository } from './webhooks.repository';

/** Deliveries and their attempts on the real Postgres: once per webhook and notification, one log row per attempt. */
describe('WebhookDeliveriesRepository and WebhookAttemptsRepository (Postgres)', () => {
  let db: TestDatabase;
  let deliveries: WebhookDeliveriesRepository;
  const webhookId = uuidv7();
  const notifiedAt = new Date('2026-11-30T08:00:00.000Z');

  const delivery = (minute: number): NewWebhookDelivery => {
    const notificationId = uuidv7();
    return {
      id: webhookDeliveryId(webhookId, notificationId, notifiedAt),
      webhookId,
      notificationId,
      type: 'INCIDENT_OPENED',
      createdAt: new Date(Date.UTC(2026, 10, 30, 8, minute)),
    };
  };
  const attempt = (deliveryId: string, n: number, overrides: Partial<WebhookAttemptRecord> = {}): WebhookAttemptRecord => ({
    deliveryId,
    attempt: n,
    at: new Date(Date.UTC(2026, 10, 30, 9, n)),
    outcome: 'FAILED',
    statusCode: 503,
    error: 'the receiver answered 503',
    durationMs: 12,
    status: 'PENDING',
    finishedAt: new Date(Date.UTC(2026, 10, 30, 9, n, 1)),
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase(migrations);
    deliveries = new WebhookDeliveriesRepository(db.dataSource, new WebhookAttemptsRepository(db.dataSource));
    await db.dataSource.transaction((tx) =>
      new WebhooksRepository(db.dataSource).register(tx, { id: webhookId, org: 'O', url: 'https://h.example/', events: ['INCIDENT_OPENED'], version: 1, createdAt: notifiedAt }),
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('stores a delivery once however often its notification comes, and answers it while PENDING', async () => {
    const d = delivery(1);
    expect(await deliveries.addPending([d])).toEqual([d.id]);
    expect(await deliveries.addPending([d, { ...d, createdAt: new Date() }])).toEqual([d.id]);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM webhook_deliveries WHERE id = $1`, [d.id]);
    expect(count).toBe(1);
    expect(await deliveries.get(d.id)).toEqual({ id: d.id, webhookId, notificationId: d.notificationId, status: 'PENDING', attempts: 0 });
    await deliveries.recordAttempt(attempt(d.id, 1, { outcome: 'DELIVERED', statusCode: 200, error: null, status: 'DELIVERED' }));
    expect(await deliveries.addPending([d])).toEqual([]);
  });

  it('logs each attempt once, and ends a delivery DELIVERED with its last status', async () => {
    const d = delivery(2);
    await deliveries.addPending([d]);
    await deliveries.recordAttempt(attempt(d.id, 1));
    await deliveries.recordAttempt(attempt(d.id, 1));
    await deliveries.recordAttempt(attempt(d.id, 2, { statusCode: null, error: 'no answer within 300 ms' }));
    await deliveries.recordAttempt(attempt(d.id, 3, { outcome: 'DELIVERED', statusCode: 204, error: null, status: 'DELIVERED' }));
    const { rows } = await deliveries.log(webhookId, { page: 1, pageSize: 50 });
    expect(rows.find((row) => row.id === d.id)).toEqual({
      id: d.id,
      notificationId: d.notificationId,
      type: 'INCIDENT_OPENED',
      status: 'DELIVERED',
      attempts: 3,
      createdAt: '2026-11-30T08:02:00.000Z',
      deliveredAt: '2026-11-30T09:03:01.000Z',
      lastStatusCode: 204,
      attemptLog: [
        { attempt: 1, at: '2026-11-30T09:01:00.000Z', outcome: 'FAILED', statusCode: 503, error: 'the receiver answered 503', durationMs: 12 },
        { attempt: 2, at: '2026-11-30T09:02:00.000Z', outcome: 'FAILED', error: 'no answer within 300 ms', durationMs: 12 },
        { attempt: 3, at: '2026-11-30T09:03:00.000Z', outcome: 'DELIVERED', statusCode: 204, durationMs: 12 },
      ],
    });
  });

  it('ends a delivery FAILED once, and leaves it so', async () => {
    const d = delivery(3);
    await deliveries.addPending([d]);
    await deliveries.recordAttempt(attempt(d.id, 1, { status: 'FAILED' }));
    await deliveries.markFailed(d.id, new Date(), 'the webhook was deleted');
    await deliveries.recordAttempt(attempt(d.id, 2, { outcome: 'DELIVERED', statusCode: 200, error: null, status: 'DELIVERED' }));
    const { rows } = await deliveries.log(webhookId, { page: 1, pageSize: 50 });
    expect(rows.find((row) => row.id === d.id)).toMatchObject({
      status: 'FAILED',
      failedAt: '2026-11-30T09:01:01.000Z',
      lastError: 'the receiver answered 503',
      lastStatusCode: 503,
    });
  });

  it('lists newest first, paged, and finds the PENDING ones the sweep looks at', async () => {
    const stalled = delivery(0);
    await deliveries.addPending([stalled]);
    const { rows, total } = await deliveries.log(webhookId, { page: 1, pageSize: 2 });
    expect(total).toBe(4);
    expect(rows.map((row) => row.createdAt)).toEqual(['2026-11-30T08:03:00.000Z', '2026-11-30T08:02:00.000Z']);
    expect(await deliveries.pendingBefore(new Date('2026-11-30T08:10:00.000Z'), 10)).toEqual([stalled.id]);
    expect(await deliveries.pendingBefore(new Date('2026-11-30T08:00:00.000Z'), 10)).toEqual([]);
  });
});
