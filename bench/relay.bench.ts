/*
 * npm run bench:relay
 *
 * Each run, on a fresh schema and fresh topics (3 partitions) of the real broker:
 * (a) RELAY_BENCH_COMMANDS commands (default 25000) have left their outbox rows
 *     (event envelope + audit envelope: 2 messages each, 1000 streams), staged
 *     untimed; an OutboxRelay publishes them all: messages/s from its first
 *     batch to its last;
 * (b) an IdempotentConsumer (inbox, a projection) reads the event topic from
 *     the beginning as services run it (its 3 partitions side by side), the
 *     projection written by a many-events handler (`onMany`: a run's events in
 *     one statement): events/s from its first settled message to its last
 *     (joining the group is not timed);
 * (c) the same with a handler of one event at a time (`on`: one upsert, one
 *     round trip per event), for comparison.
 * RELAY_BENCH_RUNS runs (default 3): each is printed, then the median and spread.
 * Targets on 2 cores: relay >= 10,000 messages/s, consumer >= 5,000 events/s.
 */
import { createKafka, CreateInbox1764300100000, CreateOutbox1764300000000, ensureTopics, IdempotentConsumer, OutboxRelay } from '@app/messaging';
import { localKafkaConnection } from '../scripts/infra/admin-connection';
import { createTestDatabase, uniqueTopic } from '@app/testing';
import { Logger } from '@nestjs/common';
import { logLevel, type Kafka } from 'kafkajs';
import { cpus, loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import { CREATE_PROJECTION, PROJECT_READING, PROJECT_READINGS, stageOutbox } from './relay.workload';

const TARGETS = { relay: 10_000, consumer: 5_000 };
const commands = Number(process.env.RELAY_BENCH_COMMANDS ?? 25_000);
const runs = Number(process.env.RELAY_BENCH_RUNS ?? 3);

/** Resolves with the rate once `total` units were counted, timed from the start of the first one. */
function rateMeter(total: number): { count(units: number, durationMs: number): void; rate: Promise<number> } {
  let counted = 0;
  let firstStart = 0;
  let done: (rate: number) => void = () => undefined;
  const rate = new Promise<number>((resolve) => (done = resolve));
  return {
    count(units, durationMs) {
      const now = performance.now();
      if (counted === 0) firstStart = now - durationMs;
      counted += units;
      if (counted === total) done((total / (now - firstStart)) * 1000);
    },
    rate,
  };
}

const withTimeout = <T>(promise: Promise<T>, what: string, ms = 600_000): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms).unref())]);

type Reading = { deviceId: string; value: number; at: string };

/** Reads the event topic from its start with a new group, its projection written per run (`many`) or per event: events/s. */
async function consume(dataSource: DataSource, kafka: Kafka, topic: string, handling: 'many' | 'one'): Promise<number> {
  const consumed = rateMeter(commands);
  const consumer = new IdempotentConsumer<{ ReadingRecorded: Reading }>({
    serviceName: 'bench',
    purpose: `readings-${handling}-${topic.split('.').at(-1)}`,
    topics: [topic],
    kafka,
    dataSource,
    ensureTopics: false,
    hooks: { settled: (_outcome, _type, ms) => consumed.count(1, ms) },
  });
  if (handling === 'one') {
    consumer.on('ReadingRecorded', async (envelope, { manager }) => {
      await manager.query(PROJECT_READING, [envelope.streamId, envelope.version, envelope.data.value, envelope.data.at]);
    });
  } else {
    consumer.onMany('ReadingRecorded', async (envelopes, { manager }) => {
      await manager.query(PROJECT_READINGS, [
        envelopes.map((e) => e.streamId),
        envelopes.map((e) => e.version),
        envelopes.map((e) => e.data.value),
        envelopes.map((e) => e.data.at),
      ]);
    });
  }
  await consumer.start();
  const rate = await withTimeout(consumed.rate, 'the consumer');
  await consumer.stop();
  const [{ inboxed }] = await dataSource.query(`SELECT count(*)::int AS inboxed FROM inbox WHERE consumer = $1`, [consumer.groupId]);
  if (inboxed !== commands) throw new Error(`the inbox holds ${inboxed} messages, not ${commands}`);
  return rate;
}

type RunResult = { relay: number; consumer: number; consumerOneAtATime: number };

async function run(kafka: Kafka): Promise<RunResult> {
  const db = await createTestDatabase([CreateOutbox1764300000000, CreateInbox1764300100000], 5);
  const topics = { eventTopic: uniqueTopic('bench-relay-events'), auditTopic: uniqueTopic('bench-relay-audit') };
  try {
    await db.dataSource.query(CREATE_PROJECTION);
    await ensureTopics(kafka, Object.values(topics), 3);
    const messages = await stageOutbox(db.dataSource, topics, commands);

    const relayed = rateMeter(messages);
    const relay = new OutboxRelay({ dataSource: db.dataSource, kafka, hooks: { published: (n, ms) => relayed.count(n, ms) } });
    relay.start();
    const relayRate = await withTimeout(relayed.rate, 'the relay');
    await relay.stop();

    const consumer = await consume(db.dataSource, kafka, topics.eventTopic, 'many');
    const consumerOneAtATime = await consume(db.dataSource, kafka, topics.eventTopic, 'one');
    return { relay: relayRate, consumer, consumerOneAtATime };
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await admin.disconnect();
    await db.drop();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (name: string, values: number[], target: number): string =>
  `${name}: median ${median(values).toFixed(0)}/s (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}), ` +
  `target >= ${target} -> ${median(values) >= target ? 'met' : 'NOT met'}`;

async function main(): Promise<void> {
  // A service logs at info: the consumer's per-message debug lines are not part of what is measured.
  Logger.overrideLogger(['error', 'warn']);
  const kafka = createKafka({ ...localKafkaConnection(), clientId: 'bench-relay', level: logLevel.ERROR });
  console.log(`relay bench: ${commands} commands (${commands * 2} outbox messages, 1000 streams), ${runs} run(s), 3 partitions per topic`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start (shared with whatever else runs)`);
  const results: RunResult[] = [];
  for (let i = 1; i <= runs; i += 1) {
    const result = await run(kafka);
    results.push(result);
    console.log(
      `  run ${i}: (a) relay ${result.relay.toFixed(0)} messages/s, (b) consumer ${result.consumer.toFixed(0)} events/s, ` +
        `(c) one event per call ${result.consumerOneAtATime.toFixed(0)} events/s, load average ${loadavg()[0].toFixed(2)}`,
    );
  }
  console.log(`\n(a) ${summary('relay', results.map((r) => r.relay), TARGETS.relay)}`);
  console.log(`(b) ${summary('consumer', results.map((r) => r.consumer), TARGETS.consumer)}`);
  console.log(`(c) consumer, one event per call: median ${median(results.map((r) => r.consumerOneAtATime)).toFixed(0)}/s (for comparison)`);
  console.log(`load average ${loadavg()[0].toFixed(2)} at the end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
