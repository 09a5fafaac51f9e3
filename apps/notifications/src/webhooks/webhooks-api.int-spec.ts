import { tablesHolding } from '@app/testing';
import request from 'supertest';
import { webhookUrlProblem } from '../domain/webhook-url';
import { notificationTokens, startNotifications, type NotificationsTestApp } from '../testing/notifications.test-app';
import { newSecret } from '../testing/webhook-receivers.fixture';

/** `/v1/webhooks` over HTTP on the real service: validation, roles, an org's own webhooks only, and the secret kept sealed. */
describe('/v1/webhooks (HTTP, real Postgres)', () => {
  let t: NotificationsTestApp;
  const http = () => request(t.app.getHttpServer());
  const org = 'TLSM-OPERATOR-HOOKS';
  const otherOrg = 'TLSM-OPERATOR-OTHER';
  const operator = notificationTokens.operator(org);
  const url = 'https://hooks.operator.example/notifications';
  const post = (body: object, token = operator) => http().post('/v1/webhooks').set('Authorization', token).send(body);
  const fieldsOf = (response: request.Response): string[] => response.body.error.details.map((detail: { field: string }) => detail.field);

  beforeAll(async () => {
    t = await startNotifications();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('registers a webhook of the caller org: 201 with the resource, never the secret, which no table holds in clear', async () => {
    const secret = newSecret();
    const response = await post({ url, events: ['INCIDENT_OPENED', 'CLAIM_PAID'], secret }).expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
      status: 'ACTIVE',
      version: 1,
      url,
      events: ['INCIDENT_OPENED', 'CLAIM_PAID'],
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toContain(secret);
    const [row] = await t.dataSource.query(`SELECT org, secret_sealed AS "sealed" FROM webhooks WHERE id = $1`, [response.body.id]);
    expect(row.org).toBe(org);
    expect(row.sealed).toMatch(/^st1\./);
    // Not in `webhooks`, nor in the events, the audit entries or the outbox of the schema.
    expect(await tablesHolding(secret, { schema: t.schema })).toEqual([]);
    const list = await http().get('/v1/webhooks').set('Authorization', operator).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('refuses a bad body with a 400 naming each field', async () => {
    const secret = newSecret();
    expect(fieldsOf(await post({ url: 'ftp://hooks.example.org/', events: ['INCIDENT_OPENED'], secret }).expect(400))).toEqual(['url']);
    expect(fieldsOf(await post({ url: 'not a url', events: ['INCIDENT_OPENED'], secret }).expect(400))).toEqual(['url']);
    expect(fieldsOf(await post({ url: 'https://user:pw@hooks.example.org/', events: ['INCIDENT_OPENED'], secret }).expect(400))).toEqual(['url']);
    expect(fieldsOf(await post({ events: ['INCIDENT_OPENED'], secret }).expect(400))).toEqual(['url']);
    expect(fieldsOf(await post({ url, events: [], secret }).expect(400))).toEqual(['events']);
    expect(fieldsOf(await post({ url, events: ['INCIDENT_OPENED', 'NOT_A_TYPE'], secret }).expect(400))).toEqual(['events']);
    expect(fieldsOf(await post({ url, events: ['CLAIM_PAID', 'CLAIM_PAID'], secret }).expect(400))).toEqual(['events']);
    expect(fieldsOf(await post({ url, events: 'CLAIM_PAID', secret }).expect(400))).toEqual(['events']);
    expect(fieldsOf(await post({ url, events: ['CLAIM_PAID'], secret: 'short' }).expect(400))).toEqual(['secret']);
    expect(fieldsOf(await post({ url, events: ['CLAIM_PAID'], secret: 'x'.repeat(257) }).expect(400))).toEqual(['secret']);
    expect(fieldsOf(await post({ url, events: ['CLAIM_PAID'] }).expect(400))).toEqual(['secret']);
    const bad = await post({ url, events: ['NOPE'], secret: 'short' }).expect(400);
    expect(bad.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(fieldsOf(bad).sort()).toEqual(['events', 'secret']);
  });

  it('requires https and a public host outside development (the service runs in test here: http on loopback is allowed)', async () => {
    const production = { development: false };
    expect(webhookUrlProblem('http://hooks.example.org/', production)).toBe('must be an https URL');
    expect(webhookUrlProblem('https://127.0.0.1/hook', production)).toBe('must not point at a loopback, private or reserved address');
    expect(webhookUrlProblem('https://10.0.0.7/hook', production)).toBe('must not point at a loopback, private or reserved address');
    expect(webhookUrlProblem('https://localhost/hook', production)).toBe('must not point at the platform itself (localhost)');
    expect(webhookUrlProblem(url, production)).toBeNull();
    await post({ url: 'http://127.0.0.1:9/hook', events: ['CLAIM_PAID'], secret: newSecret() }).expect(201);
  });

  it('is for the roles of an org: a physician, a claims processor, an admin get 403', async () => {
    const body = { url, events: ['CLAIM_PAID'], secret: newSecret() };
    for (const token of [notificationTokens.physician('10003456789'), notificationTokens.claimsProcessor, notificationTokens.admin]) {
      expect((await post(body, token).expect(403)).body.error.code).toBeDefined();
      await http().get('/v1/webhooks').set('Authorization', token).expect(403);
    }
    await post(body, notificationTokens.vendor('73282932000074')).expect(201);
    await post(body, notificationTokens.evaluator('EVAL-BODY-1')).expect(201);
    await http().post('/v1/webhooks').send(body).expect(401);
  });

  it("lists the org's webhooks, deletes one (200, DELETED, version 2), and finds another org's or a deleted one not found", async () => {
    const mine = (await post({ url, events: ['REVIEW_DECIDED'], secret: newSecret() }).expect(201)).body;
    const theirs = (await post({ url, events: ['REVIEW_DECIDED'], secret: newSecret() }, notificationTokens.operator(otherOrg)).expect(201)).body;

    const listed = await http().get('/v1/webhooks?pageSize=200').set('Authorization', operator).expect(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 200, total: listed.body.items.length });
    expect(listed.body.items[0]).toEqual(mine);
    expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(theirs.id);

    for (const path of [`/v1/webhooks/${theirs.id}`, `/v1/webhooks/0193a000-0000-7000-8000-000000000000`]) {
      const refused = await http().delete(path).set('Authorization', operator).expect(404);
      expect(refused.body.error.code).toBe('WEBHOOK.NOT_FOUND');
    }
    expect((await http().get(`/v1/webhooks/${theirs.id}/deliveries`).set('Authorization', operator).expect(404)).body.error.code).toBe('WEBHOOK.NOT_FOUND');
    expect((await http().delete('/v1/webhooks/not-a-uuid').set('Authorization', operator).expect(400)).body.error.details[0].field).toBe('id');

    const deleted = await http().delete(`/v1/webhooks/${mine.id}`).set('Authorization', operator).expect(200);
    expect(deleted.body).toEqual({ ...mine, status: 'DELETED', version: 2, deletedAt: expect.any(String) });
    expect((await http().delete(`/v1/webhooks/${mine.id}`).set('Authorization', operator).expect(404)).body.error.code).toBe('WEBHOOK.NOT_FOUND');
    const after = await http().get('/v1/webhooks?pageSize=200').set('Authorization', operator).expect(200);
    expect(after.body.items.map((w: { id: string }) => w.id)).not.toContain(mine.id);
    expect(after.body.total).toBe(listed.body.total - 1);
    // Its delivery log outlives it.
    expect((await http().get(`/v1/webhooks/${mine.id}/deliveries`).set('Authorization', operator).expect(200)).body).toEqual({
      items: [],
      page: 1,
      pageSize: 50,
      total: 0,
    });
    // The other org's is untouched.
    await http().delete(`/v1/webhooks/${theirs.id}`).set('Authorization', notificationTokens.operator(otherOrg)).expect(200);
  });

  it('audits each step on webhook:<id> with the actor, the org, the URL and the types', async () => {
    const secret = newSecret();
    const { id } = (await post({ url, events: ['CLAIM_REJECTED'], secret }).expect(201)).body;
    await http().delete(`/v1/webhooks/${id}`).set('Authorization', operator).expect(200);
    const entries: Array<{ entry: { action: string; actor: { id: string }; evidence: object; subject: string } }> = await t.dataSource.query(
      `SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`,
      [id],
    );
    expect(entries.map(({ entry }) => [entry.action, entry.subject, entry.actor.id, entry.evidence])).toEqual([
      ['webhook.registered', `webhook:${id}`, `operator-of-${org}`, { org, url, events: ['CLAIM_REJECTED'] }],
      ['webhook.deleted', `webhook:${id}`, `operator-of-${org}`, { org, url, events: ['CLAIM_REJECTED'] }],
    ]);
  });
});
