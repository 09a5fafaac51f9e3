import { signDevToken } from '@app/auth';
import { ERROR_CODES } from '@app/contracts';
import request from 'supertest';
import { type KitTestApp, startKitTestApp } from '../testing/kit-test-app.fixture';
import { OutboxSignal } from '@app/messaging';
import { v7 as uuidv7 } from 'uuid';
import { CountersTestController } from '../testing/kit-test.commands';
import { HandlerProbe, ThingsTestController } from '../testing/kit-test.controllers';
import { IdempotencyCleanup } from './idempotency-cleanup';

const vendor = `Bearer ${signDevToken({ role: 'vendor' })}`;
const otherVendor = `Bearer ${signDevToken({ role: 'vendor', sub: '00000000-0000-7000-8000-0000000000aa' })}`;
const thing = (name: string) => ({ name, overrides: [{ ruleId: 'R1', justification: 'justified at length, twenty+' }] });

describe('Idempotency-Key (real Postgres)', () => {
  let kit: KitTestApp;
  let keyNumber = 0;
  const newKey = () => `key-${Date.now()}-${++keyNumber}`;
  const post = (path: string, key: string, body: object, auth = vendor) =>
    request(kit.app.getHttpServer()).post(path).set('Authorization', auth).set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    kit = await startKitTestApp({ controllers: [ThingsTestController] });
  });
  afterAll(() => kit.close());
  beforeEach(() => HandlerProbe.reset());

  it('replays the first answer for the same key and body, running the handler once', async () => {
    const key = newKey();
    const first = await post('/v1/things', key, thing('pump')).expect(201);
    const again = await post('/v1/things', key, { overrides: thing('pump').overrides, name: 'pump' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(HandlerProbe.calls).toBe(1);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY.KEY_REUSED, handler not run again', async () => {
    const key = newKey();
    await post('/v1/things', key, thing('pump')).expect(201);
    const reused = await post('/v1/things', key, thing('valve')).expect(422);
    expect(reused.body.error.code).toBe(ERROR_CODES.idempotencyKeyReused);
    expect(HandlerProbe.calls).toBe(1);
  });

  it('keeps each caller in its own key space', async () => {
    const key = newKey();
    await post('/v1/things', key, thing('pump')).expect(201);
    await post('/v1/things', key, thing('pump'), otherVendor).expect(201);
    expect(HandlerProbe.calls).toBe(2);
  });

  it('runs every request without a key', async () => {
    await request(kit.app.getHttpServer()).post('/v1/things').set('Authorization', vendor).send(thing('a')).expect(201);
    await request(kit.app.getHttpServer()).post('/v1/things').set('Authorization', vendor).send(thing('a')).expect(201);
    expect(HandlerProbe.calls).toBe(2);
  });

  it('stores and replays a domain refusal (4xx)', async () => {
    const key = newKey();
    const first = await post('/v1/things/t9/refusal', key, {}).expect(422);
    const again = await post('/v1/things/t9/refusal', key, {}).expect(422);
    expect(again.body).toEqual(first.body);
    expect(HandlerProbe.calls).toBe(1);
  });

  it('forgets a 5xx so that the client may retry with the same key', async () => {
    const key = newKey();
    await post('/v1/things/t9/crash', key, {}).expect(500);
    await post('/v1/things/t9/crash', key, {}).expect(500);
    expect(HandlerProbe.calls).toBe(2);
    const rows = await kit.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a malformed key with 400', async () => {
    const response = await post('/v1/things', 'x'.repeat(300), thing('pump')).expect(400);
    expect(response.body.error.code).toBe('REQUEST.INVALID_IDEMPOTENCY_KEY');
    expect(HandlerProbe.calls).toBe(0);
  });

  it('stores status and body under a SHA-256 request hash', async () => {
    const key = newKey();
    await post('/v1/things', key, thing('pump')).expect(201);
    const [row] = await kit.dataSource.query(`SELECT scope, request_hash, status_code, response FROM idempotency_keys WHERE key = $1`, [key]);
    expect(row.scope).toMatch(/ POST \/v1\/things$/);
    expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.status_code).toBe(201);
    // Answers may hold personal data: stored encrypted, never in clear.
    expect(typeof row.response).toBe('string');
    expect(JSON.stringify(row.response)).not.toContain('pump');
    const replayed = await post('/v1/things', key, thing('pump')).expect(201);
    expect(replayed.body).toMatchObject({ name: 'pump', status: 'DRAFT' });
  });

  it('deletes keys older than 48 hours and keeps younger ones', async () => {
    const insert = (key: string, age: string) =>
      kit.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at)
         VALUES ('s', $1, repeat('0', 64), 201, '{}', now() - $2::interval)`,
        [key, age],
      );
    await insert('old', '49 hours');
    await insert('young', '25 hours');
    // A claim without an answer, as versions that claimed keys outside the command's transaction left them.
    await kit.dataSource.query(`INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ('s', 'abandoned', repeat('0', 64))`);
    await kit.app.get(IdempotencyCleanup).sweep();
    const keys = await kit.dataSource.query(`SELECT key FROM idempotency_keys WHERE scope = 's'`);
    expect(keys).toEqual([{ key: 'young' }]);
  });
});

describe('Idempotency-Key on a command (answer kept in the command’s transaction, real Postgres)', () => {
  let kit: KitTestApp;
  let failNextWakeUp = false;
  const signal = new OutboxSignal();
  signal.subscribe(() => {
    // Runs right after the commit: failing here is a crash between the commit and the answer.
    if (failNextWakeUp) {
      failNextWakeUp = false;
      throw new Error('process died after the commit');
    }
  });
  const increment = (id: string, key: string, by = 1) =>
    request(kit.app.getHttpServer()).post(`/v1/counters/${id}/increments`).set('Authorization', vendor).set('Idempotency-Key', key).send({ by });
  const streamVersion = async (id: string): Promise<number> =>
    (await kit.dataSource.query(`SELECT coalesce(max(version), 0)::int AS v FROM events WHERE stream_id = $1`, [`counter:${id}`]))[0].v;

  beforeAll(async () => {
    kit = await startKitTestApp({ controllers: [CountersTestController], commands: { signal } });
  });
  afterAll(() => kit.close());
  beforeEach(() => HandlerProbe.reset());

  it('commits the answer with the events: a retry after a crash between commit and answer gets the first answer', async () => {
    const id = uuidv7();
    const key = `key-${uuidv7()}`;
    failNextWakeUp = true;
    await increment(id, key).expect(500);
    expect(await streamVersion(id)).toBe(1);

    const retried = await increment(id, key).expect(201);
    expect(retried.headers['idempotency-replayed']).toBe('true');
    expect(retried.body).toEqual({ id: `counter:${id}`, value: 1, version: 1 });
    // The command was not run a second time.
    expect(await streamVersion(id)).toBe(1);
    expect(HandlerProbe.calls).toBe(1);
  });

  it('makes a concurrent attempt of the same request wait for the first, then answer what the first was answered', async () => {
    const id = uuidv7();
    const key = `key-${uuidv7()}`;
    let release!: () => void;
    HandlerProbe.gate = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<void>((resolve) => (HandlerProbe.entered = resolve));
    const first = increment(id, key, 5).then((response) => response);
    await entered;
    const second = increment(id, key, 5).then((response) => response);
    // The second one waits on the first's claim; let the first commit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotency-replayed']).toBe('true');
    expect(await streamVersion(id)).toBe(1);
  });

  it('keeps no claim when the command fails on our side, so the same key may be retried', async () => {
    const id = uuidv7();
    const key = `key-${uuidv7()}`;
    await kit.dataSource.query(`ALTER TABLE events RENAME TO events_away`);
    try {
      await increment(id, key).expect(500);
    } finally {
      await kit.dataSource.query(`ALTER TABLE events_away RENAME TO events`);
    }
    expect(await kit.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toHaveLength(0);
    await increment(id, key).expect(201);
    expect(await streamVersion(id)).toBe(1);
  });
});
