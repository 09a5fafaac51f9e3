import { createTestDatabase, type TestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { migrations } from '../migrations';
import { WebhooksRepository, type NewWebhook } from './webhooks.repository';

/** The webhooks on the real Postgres: by org only, active ones listed newest first, the sealed secret never in a view. */
describe('WebhooksRepository (Postgres)', () => {
  let db: TestDatabase;
  let webhooks: WebhooksRepository;
  const org = 'TLSM-OPERATOR-A';

  const webhook = (minute: number, overrides: Partial<NewWebhook> = {}): NewWebhook => ({
    id: uuidv7(),
    org,
    url: `https://hooks.example.org/${minute}`,
    events: ['INCIDENT_OPENED'],
    version: 1,
    createdAt: new Date(Date.UTC(2026, 10, 30, 8, minute)),
    ...overrides,
  });
  const register = (w: NewWebhook, sealed = 'st1.sealed') =>
    db.dataSource.transaction(async (tx) => {
      await webhooks.register(tx, w);
      await webhooks.keepSecret(tx, w.id, sealed);
    });

  beforeAll(async () => {
    db = await createTestDatabase(migrations);
    webhooks = new WebhooksRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('gives a webhook to its org only, without its secret', async () => {
    const w = webhook(1, { events: ['CLAIM_PAID', 'CLAIM_REJECTED'] });
    await register(w);
    expect(await webhooks.view(w.id, org)).toEqual({
      id: w.id,
      status: 'ACTIVE',
      version: 1,
      url: w.url,
      events: ['CLAIM_PAID', 'CLAIM_REJECTED'],
      createdAt: '2026-11-30T08:01:00.000Z',
    });
    expect(await webhooks.view(w.id, 'TLSM-OPERATOR-B')).toBeNull();
    expect(await webhooks.target(w.id)).toEqual({ id: w.id, org, url: w.url, status: 'ACTIVE', secretSealed: 'st1.sealed' });
  });

  it("lists the org's active webhooks newest first, paged, without the deleted ones or another org's", async () => {
    const [a, b, c] = [webhook(3), webhook(5), webhook(4)];
    for (const w of [a, b, c]) await register(w);
    await register(webhook(6, { org: 'TLSM-OPERATOR-B' }));
    await db.dataSource.transaction((tx) => webhooks.markDeleted(tx, c.id, 2, new Date('2026-12-01T00:00:00.000Z')));
    const first = await webhooks.list(org, { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.rows.map((row) => row.id)).toEqual([b.id, a.id]);
    expect((await webhooks.list(org, { page: 2, pageSize: 2 })).rows.map((row) => row.url)).toEqual(['https://hooks.example.org/1']);
    expect(await webhooks.view(c.id, org)).toMatchObject({ status: 'DELETED', version: 2, deletedAt: '2026-12-01T00:00:00.000Z' });
  });

  it('finds the active webhooks of an org subscribed to a type', async () => {
    const local = 'TLSM-OPERATOR-C';
    const incidents = webhook(7, { org: local, events: ['INCIDENT_OPENED', 'CLAIM_PAID'] });
    const claims = webhook(8, { org: local, events: ['CLAIM_PAID'] });
    const gone = webhook(9, { org: local, events: ['INCIDENT_OPENED'] });
    for (const w of [incidents, claims, gone]) await register(w);
    await db.dataSource.transaction((tx) => webhooks.markDeleted(tx, gone.id, 2, new Date()));
    expect(await webhooks.subscribedTo(local, 'INCIDENT_OPENED')).toEqual([incidents.id]);
    expect((await webhooks.subscribedTo(local, 'CLAIM_PAID')).sort()).toEqual([incidents.id, claims.id].sort());
    expect(await webhooks.subscribedTo(local, 'REVIEW_DECIDED')).toEqual([]);
    expect(await webhooks.subscribedTo('TLSM-OPERATOR-B', 'CLAIM_PAID')).toEqual([]);
  });
});
