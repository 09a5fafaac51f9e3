import type { EventEnvelope } from '@app/contracts';
import { collectMessages, createTestDatabase, eventually, testKafkaConnection, uniqueTopic, type TestDatabase } from '@app/testing';
import { logLevel, Partitioners, type Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { IdempotentConsumer } from '../consumer/idempotent-consumer';
import { CreateInbox1764300100000 } from '../consumer/inbox.migration';
import { createKafka } from '../kafka/kafka-client.factory';
import { ensureTopics } from '../kafka/topic-admin';
import { OutboxRelay } from './outbox-relay';
import { CreateOutbox1764300000000 } from './outbox.migration';
import { OutboxSignal } from './outbox-signal';

jest.setTimeout(120_000);

/*
 * What wakes the relay besides its poll (a minute here, so that only a
 * wake-up can explain a prompt publish): a head held back by a transaction
 * that commits elsewhere is looked at again soon, and a consumer's commit
 * wakes it like a command's.
 */
const LONG_POLL_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const envelope = (streamId: string): EventEnvelope => ({
  id: uuidv7(),
  type: 'Asked',
  schemaVersion: 1,
  streamId,
  streamType: 'Question',
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: uuidv7(),
  causationId: null,
  actor: { id: 'system', role: 'system' },
  data: {},
});

describe('OutboxRelay wake-ups (real Kafka and Postgres)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  const stops: Array<() => Promise<void>> = [];
  const outboxCount = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase([CreateOutbox1764300000000, CreateInbox1764300100000]);
    kafka = createKafka({ ...testKafkaConnection(), clientId: 'relay-wakeups-test', level: logLevel.NOTHING });
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('publishes a head held back by another transaction soon after that one commits, without a wake-up', async () => {
    const topic = uniqueTopic('relay-blocked');
    await ensureTopics(kafka, [topic], 1);
    // A transaction with an id, open before the row is written: it holds the row back (it may still write below it).
    const blocker = db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT pg_current_xact_id()`);
    try {
      await db.dataSource.query(`INSERT INTO outbox (topic, message_key, payload) VALUES ($1, 'held', '{"id":"1","type":"T"}')`, [topic]);
      const relay = new OutboxRelay({ dataSource: db.dataSource, kafka, pollIntervalMs: LONG_POLL_MS });
      relay.start();
      stops.push(() => relay.stop());
      await sleep(500);
      expect(await outboxCount()).toBe(1);
      await blocker.commitTransaction();
    } finally {
      await blocker.release();
    }
    const committedAt = Date.now();
    const [message] = await collectMessages(topic, { until: (m) => m.length >= 1, timeoutMs: 30_000 });
    expect(message.key).toBe('held');
    // Its retries had backed off to about twice the half second it was held, far below the poll.
    expect(Date.now() - committedAt).toBeLessThan(10_000);
    // The row goes once Kafka acknowledged it: the message can reach the collector a moment before the delete commits.
    await eventually('the published row deleted', async () => (await outboxCount()) === 0, { timeoutMs: 5_000, intervalMs: 50 });
    expect(await outboxCount()).toBe(0);
  });

  it('publishes what a consumer\'s handler wrote to the outbox at the consumer\'s commit', async () => {
    const [input, output] = [uniqueTopic('wake-in'), uniqueTopic('wake-out')];
    await ensureTopics(kafka, [input, output], 1);
    const signal = new OutboxSignal();
    const relay = new OutboxRelay({ dataSource: db.dataSource, kafka, signal, pollIntervalMs: LONG_POLL_MS });
    relay.start();
    stops.push(() => relay.stop());
    let commits = 0;
    const consumer = new IdempotentConsumer({
      serviceName: 'wakeups',
      purpose: `react-${Date.now()}`,
      topics: [input],
      kafka,
      dataSource: db.dataSource,
      ensureTopics: 1,
      afterCommit: () => {
        commits += 1;
        signal.notify();
      },
    }).on('Asked', async (asked, { manager }) => {
      await manager.query(`INSERT INTO outbox (topic, message_key, payload) VALUES ($1, $2, $3)`, [output, asked.streamId, JSON.stringify({ id: uuidv7(), type: 'Answered' })]);
    });
    await consumer.start();
    stops.push(() => consumer.stop());
    // The relay has read its empty head and sleeps for a minute.
    await sleep(1_000);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    const sentAt = Date.now();
    await producer.send({ topic: input, acks: -1, messages: [{ key: 'q-1', value: JSON.stringify(envelope('q-1')) }] });
    await producer.disconnect();
    const [answer] = await collectMessages(output, { until: (m) => m.length >= 1, timeoutMs: 30_000 });
    expect(answer.key).toBe('q-1');
    expect(Date.now() - sentAt).toBeLessThan(LONG_POLL_MS / 2);
    expect(commits).toBeGreaterThanOrEqual(1);
  });
});
