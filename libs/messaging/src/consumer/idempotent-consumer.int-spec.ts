import { deadLetterTopic, DomainError, type EventEnvelope } from '@app/contracts';
import { collectMessages, createTestDatabase, testKafkaConnection, uniqueTopic, type TestDatabase } from '@app/testing';
import { logLevel, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { createKafka } from '../kafka/kafka-client.factory';
import { ensureTopics } from '../kafka/topic-admin';
import { DLQ_HEADERS } from './dead-letter';
import { IdempotentConsumer } from './idempotent-consumer';
import { CreateInbox1764300100000 } from './inbox.migration';

jest.setTimeout(120_000);

const envelope = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: uuidv7(),
  type,
  schemaVersion: 1,
  streamId: 'counter-stream',
  streamType: 'Counter',
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: uuidv7(),
  causationId: null,
  actor: { id: 'system', role: 'system' },
  data,
});

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('IdempotentConsumer (real Kafka and Postgres)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: IdempotentConsumer | null = null;

  const send = (topic: string, value: string) =>
    producer.send({ topic, acks: -1, messages: [{ key: 'counter-stream', value }] });
  /** In one produce request, so that they reach the consumer as one fetched batch. */
  /** Before the consumer starts: the broker creates no topic on first use, so the topic is created first. */
  const sendTogether = async (topic: string, envelopes: EventEnvelope[]) => {
    await ensureTopics(kafka, [topic]);
    await producer.send({ topic, acks: -1, messages: envelopes.map((e) => ({ key: 'counter-stream', value: JSON.stringify(e) })) });
  };
  /** Records each effect in commit order, with the offset of the message that had it. */
  const recordEffect = async (env: EventEnvelope, { manager, topic, offset }: { manager: import('typeorm').EntityManager; topic: string; offset: string }) => {
    await manager.query(`INSERT INTO effects (topic, event_id, kafka_offset) VALUES ($1, $2, $3)`, [topic, env.id, offset]);
  };
  const effects = async (topic: string): Promise<Array<{ event_id: string; kafka_offset: string }>> =>
    db.dataSource.query(`SELECT event_id, kafka_offset FROM effects WHERE topic = $1 ORDER BY seq`, [topic]);
  const deadLettered = async (topic: string): Promise<number> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(deadLetterTopic(topic, 'messaging-test'));
      return offsets.reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  };
  const counter = async (id: string): Promise<number | undefined> => {
    const rows: Array<{ value: number }> = await db.dataSource.query(`SELECT value FROM counters WHERE id = $1`, [id]);
    return rows[0]?.value;
  };
  const increment = async (env: EventEnvelope, manager: import('typeorm').EntityManager) => {
    await manager.query(
      `INSERT INTO counters (id, value) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET value = counters.value + 1`,
      [env.data.counter],
    );
  };
  const newConsumer = (topic: string) =>
    new IdempotentConsumer({
      serviceName: 'messaging-test',
      purpose: `counters-${randomBytes(4).toString('hex')}`,
      topics: [topic],
      kafka,
      dataSource: db.dataSource,
      ensureTopics: 1,
      retry: { attempts: 3, baseDelayMs: 50 },
    });

  beforeAll(async () => {
    db = await createTestDatabase([CreateInbox1764300100000]);
    await db.dataSource.query(`CREATE TABLE counters (id text PRIMARY KEY, value int NOT NULL)`);
    await db.dataSource.query(`CREATE TABLE effects (seq bigserial PRIMARY KEY, topic text NOT NULL, event_id text NOT NULL, kafka_offset bigint NOT NULL)`);
    kafka = createKafka({ ...testKafkaConnection(), clientId: 'consumer-test', level: logLevel.ERROR });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterEach(async () => {
    await consumer?.stop();
    consumer = null;
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db?.drop();
  });

  it('has the effect of an event delivered twice once, and records unknown types without effect', async () => {
    const topic = uniqueTopic('consumer-dup');
    consumer = newConsumer(topic).on('CounterIncremented', (env, { manager }) => increment(env, manager));
    await consumer.start();

    const twice = envelope('CounterIncremented', { counter: 'twice' });
    const unknown = envelope('SomethingElse', { counter: 'unknown' });
    const last = envelope('CounterIncremented', { counter: 'last' });
    await send(topic, JSON.stringify(twice));
    await send(topic, JSON.stringify(twice));
    await send(topic, JSON.stringify(unknown));
    await send(topic, JSON.stringify(last));

    await waitFor(() => counter('last'), 'the last event to be handled');
    expect(await counter('twice')).toBe(1);
    expect(await counter('unknown')).toBeUndefined();
    const inbox: Array<{ message_id: string }> = await db.dataSource.query(
      `SELECT message_id FROM inbox WHERE consumer = $1 ORDER BY processed_at, message_id`,
      [consumer.groupId],
    );
    expect(inbox.map((row) => row.message_id).sort()).toEqual([twice.id, unknown.id, last.id].sort());
    const admin = kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId: consumer.groupId, topics: [topic] });
    await admin.disconnect();
    expect(committed.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '4' })]);
  });

  it('sends a message whose handler always throws to <topic>.<service>.dlq after its retries, and goes on', async () => {
    const topic = uniqueTopic('consumer-dlq');
    let boomAttempts = 0;
    consumer = newConsumer(topic)
      .on('CounterIncremented', (env, { manager }) => increment(env, manager))
      .on('Boom', async (env, { manager }) => {
        boomAttempts += 1;
        // Written then rolled back with the failing attempt: no effect may survive.
        await increment(env, manager);
        throw new DomainError('TEST.BOOM', 'the handler always fails', 'rule');
      });
    await consumer.start();

    const boom = envelope('Boom', { counter: 'boom' });
    const after = envelope('CounterIncremented', { counter: 'after' });
    await send(topic, JSON.stringify(boom));
    await send(topic, '{ this is not JSON');
    await send(topic, JSON.stringify(after));

    await waitFor(() => counter('after'), 'the message after the poison ones to be handled');
    expect(boomAttempts).toBe(3);
    expect(await counter('boom')).toBeUndefined();
    const inboxed: unknown[] = await db.dataSource.query(`SELECT 1 FROM inbox WHERE message_id = $1`, [boom.id]);
    expect(inboxed).toHaveLength(0);

    const [failed, unreadable] = await collectMessages(deadLetterTopic(topic, 'messaging-test'), {
      until: (messages) => messages.length >= 2,
      timeoutMs: 60_000,
    });
    expect(failed.value).toEqual(boom);
    expect(failed.headers).toMatchObject({
      [DLQ_HEADERS.errorMessage]: 'the handler always fails',
      [DLQ_HEADERS.errorName]: 'DomainError',
      [DLQ_HEADERS.errorCode]: 'TEST.BOOM',
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: '0',
      [DLQ_HEADERS.originalOffset]: '0',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.consumer]: consumer.groupId,
    });
    expect(unreadable.value).toBe('{ this is not JSON');
    expect(unreadable.headers).toMatchObject({
      [DLQ_HEADERS.errorName]: 'InvalidMessageError',
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.attempts]: '1',
    });
  });

  it('sends a poison message of a batch to the dead letters alone; the others of its batch take effect once, in partition order', async () => {
    const topic = uniqueTopic('consumer-batch');
    let boomAttempts = 0;
    consumer = newConsumer(topic)
      .on('Counted', (env, context) => recordEffect(env, context))
      .on('Boom', async (env, context) => {
        boomAttempts += 1;
        await recordEffect(env, context);
        throw new DomainError('TEST.BOOM', 'poison in the middle of a batch', 'rule');
      });
    const batch = Array.from({ length: 20 }, (_, i) => envelope(i === 9 ? 'Boom' : 'Counted', { i }));
    await sendTogether(topic, batch);
    await consumer.start();

    const good = batch.filter((e) => e.type === 'Counted');
    const handled = await waitFor(async () => ((await effects(topic)).length >= good.length ? effects(topic) : undefined), 'the good messages');
    // Once each, and in offset order: the rolled-back first pass left nothing behind.
    expect(handled.map((e) => e.event_id)).toEqual(good.map((e) => e.id));
    expect(handled.map((e) => Number(e.kafka_offset))).toEqual([...Array(20).keys()].filter((i) => i !== 9));
    expect(boomAttempts).toBe(3);
    const [parked] = await collectMessages(deadLetterTopic(topic, 'messaging-test'), { until: (messages) => messages.length >= 1, timeoutMs: 60_000 });
    expect(parked.value).toEqual(batch[9]);
    expect(parked.headers).toMatchObject({ [DLQ_HEADERS.originalOffset]: '9', [DLQ_HEADERS.attempts]: '3' });
    expect(await deadLettered(topic)).toBe(1);
    const inboxed: Array<{ message_id: string }> = await db.dataSource.query(`SELECT message_id FROM inbox WHERE consumer = $1`, [consumer.groupId]);
    expect(inboxed.map((r) => r.message_id).sort()).toEqual(good.map((e) => e.id).sort());
  });

  it('hands consecutive events of a many-events handler to it in one call, and each again alone when that call fails', async () => {
    const topic = uniqueTopic('consumer-many');
    const calls: number[] = [];
    consumer = newConsumer(topic).onMany('Counted', async (envelopes, { manager, topic: from }) => {
      calls.push(envelopes.length);
      if (envelopes.some((e) => e.data.poison)) throw new DomainError('TEST.BOOM', 'one poison among many', 'rule');
      for (const env of envelopes) await manager.query(`INSERT INTO effects (topic, event_id, kafka_offset) VALUES ($1, $2, 0)`, [from, env.id]);
    });
    const batch = Array.from({ length: 10 }, (_, i) => envelope('Counted', { i, poison: i === 6 }));
    await sendTogether(topic, batch);
    await consumer.start();

    const good = batch.filter((e) => !e.data.poison);
    const handled = await waitFor(async () => ((await effects(topic)).length >= good.length ? effects(topic) : undefined), 'the good events');
    expect(handled.map((e) => e.event_id)).toEqual(good.map((e) => e.id));
    // First the ten together (rolled back), then each alone: the poison three times, then parked.
    expect(calls[0]).toBe(10);
    expect(calls.slice(1).every((n) => n === 1)).toBe(true);
    const [parked] = await collectMessages(deadLetterTopic(topic, 'messaging-test'), { until: (messages) => messages.length >= 1, timeoutMs: 60_000 });
    expect(parked.value).toEqual(batch[6]);
    expect(await deadLettered(topic)).toBe(1);
  });

  it('does not dead-letter a message whose database went away: it is delivered again and takes effect once', async () => {
    const topic = uniqueTopic('consumer-outage');
    // Longer than the consumer's 3 attempts: retrying then dead-lettering would lose it.
    let outageCalls = 4;
    consumer = newConsumer(topic)
      .on('Counted', (env, context) => recordEffect(env, context))
      .on('Cut', async (env, context) => {
        if (outageCalls > 0) {
          outageCalls -= 1;
          // The real thing: Postgres ends this transaction's session (57P01).
          await context.manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
        await recordEffect(env, context);
      });
    const batch = [envelope('Counted', {}), envelope('Counted', {}), envelope('Cut', {}), envelope('Counted', {})];
    await sendTogether(topic, batch);
    await consumer.start();

    const handled = await waitFor(async () => ((await effects(topic)).length >= 4 ? effects(topic) : undefined), 'every message after the outage');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(outageCalls).toBe(0);
    expect((await effects(topic)).map((e) => e.event_id)).toEqual(batch.map((e) => e.id));
    expect(handled).toHaveLength(4);
    expect(await deadLettered(topic)).toBe(0);
  });
});
