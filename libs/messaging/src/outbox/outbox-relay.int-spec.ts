import { collectMessages, createTestDatabase, testKafkaConnection, uniqueTopic, type TestDatabase } from '@app/testing';
import { logLevel, type Kafka } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startKafka, stopKafka, isKafkaUp } from '../../../../scripts/infra/kafka';
import { createKafka } from '../kafka/kafka-client.factory';
import { ensureTopics } from '../kafka/topic-admin';
import { OutboxRelay } from './outbox-relay';
import { CreateOutbox1764300000000 } from './outbox.migration';
import { OutboxSignal } from './outbox-signal';

jest.setTimeout(240_000);

interface TestEvent {
  id: string;
  type: string;
  streamId: string;
  version: number;
}

const event = (streamId: string, version: number): TestEvent => ({ id: uuidv7(), type: 'TestHappened', streamId, version });

const insert = (manager: EntityManager, topic: string, events: TestEvent[]) =>
  manager.query(
    `INSERT INTO outbox (topic, message_key, payload)
     SELECT $1, e->>'streamId', e FROM jsonb_array_elements($2::jsonb) AS e`,
    [topic, JSON.stringify(events)],
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Versions per stream, each event counted at its first delivery (at-least-once may repeat one). */
function firstSeenVersions(values: TestEvent[]): Record<string, number[]> {
  const seen = new Set<string>();
  const byStream: Record<string, number[]> = {};
  for (const value of values) {
    if (seen.has(value.id)) continue;
    seen.add(value.id);
    (byStream[value.streamId] ??= []).push(value.version);
  }
  return byStream;
}

describe('OutboxRelay (real Kafka and Postgres)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  const relays: OutboxRelay[] = [];
  const newTopic = async (name: string) => {
    const topic = uniqueTopic(`relay-${name}`);
    await ensureTopics(kafka, [topic], 3);
    return topic;
  };
  const newRelay = (options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) => {
    const relay = new OutboxRelay({ dataSource: db.dataSource, kafka, pollIntervalMs: 100, maxBackoffMs: 1_000, ...options });
    relays.push(relay);
    return relay;
  };
  const outboxCount = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n);
  const values = async (topic: string, count: number) =>
    (await collectMessages(topic, { until: (messages) => messages.length >= count, timeoutMs: 90_000 })).map(
      (message) => message.value as TestEvent,
    );

  beforeAll(async () => {
    db = await createTestDatabase([CreateOutbox1764300000000]);
    kafka = createKafka({ ...testKafkaConnection(), clientId: 'relay-test', level: logLevel.NOTHING });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    // Leave the shared broker running for the other tests even if an outage test failed half-way.
    if (!(await isKafkaUp())) await startKafka();
    await db?.drop();
  });

  it('publishes events committed while Kafka is stopped after it restarts, in stream order; a rollback publishes nothing', async () => {
    const topic = await newTopic('outage');
    const signal = new OutboxSignal();
    const relay = newRelay({ signal });
    relay.start();
    await db.dataSource.transaction((m) => insert(m, topic, [event('warm-up', 1)]));
    signal.notify();
    await waitUntil(async () => (await outboxCount()) === 0, 'the warm-up event to be published');

    await stopKafka();
    expect(await isKafkaUp()).toBe(false);
    const streams = ['stream-a', 'stream-b', 'stream-c'];
    for (let version = 1; version <= 4; version += 1) {
      for (const stream of streams) {
        await db.dataSource.transaction((m) => insert(m, topic, [event(stream, version)]));
        signal.notify();
      }
    }
    await db.dataSource
      .transaction(async (m) => {
        await insert(m, topic, [event('rolled-back', 1), event('rolled-back', 2)]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await sleep(2_000);
    expect(await outboxCount()).toBe(12);

    await startKafka();
    await waitUntil(async () => (await outboxCount()) === 0, 'the outbox to drain after the restart', 120_000);
    const published = firstSeenVersions(await values(topic, 13));
    expect(published).toEqual({
      'warm-up': [1],
      'stream-a': [1, 2, 3, 4],
      'stream-b': [1, 2, 3, 4],
      'stream-c': [1, 2, 3, 4],
    });
  });

  it('does not publish past a transaction still in flight, and publishes it once committed', async () => {
    const topic = await newTopic('inflight');
    const relay = newRelay();
    relay.start();
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await insert(runner.manager, topic, [event('slow', 1)]);
      await db.dataSource.transaction((m) => insert(m, topic, [event('fast', 1)]));
      await sleep(1_000);
      // The later transaction's row waits: the slow one may still commit below it.
      expect(await outboxCount()).toBe(1);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await waitUntil(async () => (await outboxCount()) === 0, 'both rows to be published');
    expect(firstSeenVersions(await values(topic, 2))).toEqual({ slow: [1], fast: [1] });
  });

  it('lets one relay publish at a time; another takes over when it stops', async () => {
    const topic = await newTopic('lock');
    const published = { first: 0, second: 0 };
    const first = newRelay({ lockRetryMs: 200, hooks: { published: (n) => (published.first += n) } });
    const second = newRelay({ lockRetryMs: 200, hooks: { published: (n) => (published.second += n) } });
    first.start();
    await waitUntil(() => first.isLeader, 'the first relay to take the lock');
    second.start();
    await db.dataSource.transaction((m) => insert(m, topic, Array.from({ length: 20 }, (_, i) => event('locked', i + 1))));
    await waitUntil(async () => (await outboxCount()) === 0, 'the first batch to be published');
    expect(published).toEqual({ first: 20, second: 0 });
    expect(second.isLeader).toBe(false);

    await first.stop();
    await waitUntil(() => second.isLeader, 'the second relay to take over');
    await db.dataSource.transaction((m) => insert(m, topic, Array.from({ length: 5 }, (_, i) => event('locked', i + 21))));
    await waitUntil(async () => (await outboxCount()) === 0, 'the second batch to be published');
    expect(published).toEqual({ first: 20, second: 5 });
    expect(firstSeenVersions(await values(topic, 25)).locked).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('sends the payload as stored with the envelope headers and the row\'s own, and a head larger than one send in order', async () => {
    const topic = await newTopic('headers');
    let sends = 0;
    const relay = newRelay({ maxSendBytes: 600, hooks: { published: () => (sends += 1) } });
    const events = Array.from({ length: 30 }, (_, i) => ({ ...event('big', i + 1), correlationId: `c-${i + 1}`, note: 'x'.repeat(100) }));
    await db.dataSource.query(
      `INSERT INTO outbox (topic, message_key, payload, headers)
       SELECT $1, e->>'streamId', e, CASE WHEN (e->>'version')::int = 1 THEN '{"x-extra":"y","event-type":"Overridden"}'::jsonb ELSE '{}'::jsonb END
         FROM jsonb_array_elements($2::jsonb) AS e`,
      [topic, JSON.stringify(events)],
    );
    await db.dataSource.query(`INSERT INTO outbox (topic, message_key, payload) VALUES ($1, 'odd', '{"id": 42, "type": "T"}')`, [topic]);
    relay.start();
    await waitUntil(async () => (await outboxCount()) === 0, 'the outbox to drain in several sends');

    expect(sends).toBeGreaterThan(5);
    const messages = await collectMessages(topic, { until: (m) => m.length >= 31, timeoutMs: 90_000 });
    const big = messages.filter((m) => m.key === 'big');
    expect(big.map((m) => (m.value as TestEvent).version)).toEqual(events.map((e) => e.version));
    expect(big[0].value).toEqual(events[0]);
    expect(big[0].headers).toEqual({ 'event-id': events[0].id, 'event-type': 'Overridden', 'correlation-id': 'c-1', 'x-extra': 'y' });
    expect(big[1].headers).toEqual({ 'event-id': events[1].id, 'event-type': 'TestHappened', 'correlation-id': 'c-2' });
    // Only string fields of an envelope become headers.
    expect(messages.find((m) => m.key === 'odd')?.headers).toEqual({ 'event-type': 'T' });
  });
});
