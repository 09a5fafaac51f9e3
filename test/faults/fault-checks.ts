import type { KafkaConnection } from '@app/messaging/kafka/kafka-sasl';
import { kafkajsSasl } from '@app/messaging/kafka/kafka-sasl';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { adminConnection } from '../../scripts/infra/admin-connection';
import { kafkaSettings } from '../../scripts/infra/kafka-settings';

/**
 * What "nothing lost, nothing doubled" means after a fault, read from where
 * the platform keeps it: each service's schema of the platform's database (as
 * its admin) and the topics of its broker. Each check returns the problems it
 * found (empty: none), so a failing test names every one of them at once.
 */

/** The schemas of the services that keep an event store (and so an outbox and audit entries). */
export const EVENT_STORE_SCHEMAS = ['device_certification', 'prescription', 'enrolment', 'claims', 'patients', 'notifications'] as const;

export interface Envelope {
  id: string;
  type: string;
  streamId: string;
  version: number;
}

export interface TopicRecord {
  partition: number;
  offset: string;
  envelope: Envelope;
}

export class PlatformFacts {
  readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    this.pool.on('error', () => undefined);
  }

  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Rows still waiting in each service's outbox (a relay that recovered drains them). */
  async outboxBacklog(): Promise<Record<string, number>> {
    const backlog: Record<string, number> = {};
    for (const schema of EVENT_STORE_SCHEMAS) {
      const [{ n }] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox`);
      if (n > 0) backlog[schema] = n;
    }
    return backlog;
  }

  /** Streams of `schema` whose versions are not exactly 1..n, or whose head disagrees with its events. */
  async brokenStreams(schema: string): Promise<string[]> {
    const rows = await this.query<{ stream_id: string; versions: string[]; position: string | null }>(
      `SELECT e.stream_id, array_agg(e.version ORDER BY e.version) AS versions, s.position
         FROM ${schema}.events e LEFT JOIN ${schema}.streams s USING (stream_id)
        GROUP BY e.stream_id, s.position`,
    );
    const problems: string[] = [];
    for (const { stream_id, versions, position } of rows) {
      const numbers = versions.map(Number);
      if (!numbers.every((version, i) => version === i + 1)) problems.push(`${schema} stream ${stream_id} has versions ${numbers.join(',')}`);
      if (Number(position) !== numbers.length) problems.push(`${schema} stream ${stream_id} head at ${position}, ${numbers.length} event(s)`);
    }
    return problems;
  }

  /** Audit entries of the services missing from the ledger, and entries the ledger put in quarantine or still holds pending. */
  async ledgerGaps(): Promise<string[]> {
    const problems: string[] = [];
    for (const schema of EVENT_STORE_SCHEMAS) {
      const missing = await this.query<{ id: string }>(
        `SELECT a.id FROM ${schema}.audit_entries a
          WHERE NOT EXISTS (SELECT 1 FROM audit_ledger.ledger_entries l WHERE l.entry_id = a.id)`,
      );
      for (const { id } of missing) problems.push(`audit entry ${id} of ${schema} is not in the ledger`);
    }
    const [{ n: quarantined }] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_ledger.ledger_quarantine`);
    if (quarantined > 0) problems.push(`${quarantined} ledger entr(y/ies) in quarantine`);
    return problems;
  }

  /** Ledger entries whose index sequence has a hole or whose entry came twice (entry_id is unique: a double would be a second index). */
  async ledgerIndexHoles(): Promise<string[]> {
    const [{ n, max }] = await this.query<{ n: number; max: number | null }>(
      `SELECT count(*)::int AS n, max(index)::int AS max FROM audit_ledger.ledger_entries`,
    );
    return n === 0 || max === n - 1 ? [] : [`ledger holds ${n} entries with indexes up to ${max}`];
  }
}

/** The admin principal of the platform's own broker (a super user: reads every topic). */
export const platformKafka = (kafkaBrokers: string): KafkaConnection => adminConnection(kafkaSettings({ ...process.env, KAFKA_BROKERS: kafkaBrokers }));

/**
 * Every envelope of `topic` from its beginning to the end it has now, in
 * partition order. Bounded: throws after `timeoutMs` naming what is left.
 */
export async function readTopic(connection: KafkaConnection, topic: string, timeoutMs = 30_000): Promise<TopicRecord[]> {
  const kafka = new Kafka({ clientId: 'fault-test-reader', brokers: connection.brokers, sasl: kafkajsSasl(connection.sasl), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  try {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
  } finally {
    await admin.disconnect();
  }
  const records: TopicRecord[] = [];
  if (ends.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `fault-test-${randomBytes(6).toString('hex')}`, sessionTimeout: 10_000, maxWaitTimeInMs: 200 });
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readTopic(${topic}): partitions ${[...ends.keys()].join(',')} not read to their end in ${timeoutMs} ms`)), timeoutMs);
  });
  timedOut.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const envelope = JSON.parse(message.value?.toString('utf8') ?? 'null') as Envelope;
        records.push({ partition, offset: message.offset, envelope });
        if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
        if (ends.size === 0) finished();
      },
    });
    await Promise.race([done, timedOut]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

export interface TopicStreams {
  /** Distinct events per stream, in the order the topic gives them. */
  streams: Map<string, Envelope[]>;
  /** Copies of an event already on the topic (at-least-once delivery: the inboxes absorb them). */
  copies: number;
  /** Streams whose events, first copies in topic order, are not versions 1..n in order. */
  outOfOrder: string[];
}

/** Reads a topic's envelopes as streams: what a consumer sees, copies counted, order checked. */
export function topicStreams(records: TopicRecord[]): TopicStreams {
  const seen = new Set<string>();
  const streams = new Map<string, Envelope[]>();
  let copies = 0;
  for (const { envelope } of records) {
    if (seen.has(envelope.id)) {
      copies += 1;
      continue;
    }
    seen.add(envelope.id);
    const stream = streams.get(envelope.streamId) ?? [];
    stream.push(envelope);
    streams.set(envelope.streamId, stream);
  }
  const outOfOrder = [...streams]
    .filter(([, events]) => !events.every((event, i) => Number(event.version) === i + 1))
    .map(([streamId, events]) => `${streamId}: ${events.map((e) => e.version).join(',')}`);
  return { streams, copies, outOfOrder };
}

export interface StoredEvent {
  event_id: string;
  stream_id: string;
  version: string;
  type: string;
}

/** What `schema`'s event store holds at this moment, in append order. */
export async function storedEvents(facts: PlatformFacts, schema: string): Promise<StoredEvent[]> {
  return facts.query<StoredEvent>(`SELECT event_id, stream_id, version, type FROM ${schema}.events ORDER BY global_position`);
}

/** Those of `stored` (events of `schema`'s store) that never reached its topic (compared by event id). */
export function eventsMissingFromTopic(schema: string, stored: StoredEvent[], records: TopicRecord[]): string[] {
  const onTopic = new Set(records.map((r) => r.envelope.id));
  return stored.filter((e) => !onTopic.has(e.event_id)).map((e) => `${schema} ${e.type} ${e.stream_id}@${e.version} (${e.event_id})`);
}

/** Each service's event topic and the schema whose event store feeds it. */
export const EVENT_TOPICS: Record<string, string> = {
  'device-certification.events.v1': 'device_certification',
  'prescription.events.v1': 'prescription',
  'enrolment.events.v1': 'enrolment',
  'claims.events.v1': 'claims',
  'patients.events.v1': 'patients',
  'notifications.events.v1': 'notifications',
};

/** Dead-letter topics holding messages: a good event parked there because something was down is an event lost to its consumer. */
export async function deadLetters(connection: KafkaConnection): Promise<Record<string, number>> {
  const kafka = new Kafka({ clientId: 'fault-test-dlq', brokers: connection.brokers, sasl: kafkajsSasl(connection.sasl), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const parked: Record<string, number> = {};
    for (const topic of (await admin.listTopics()).filter((name) => name.endsWith('.dlq'))) {
      const count = (await admin.fetchTopicOffsets(topic)).reduce((sum, { high, low }) => sum + Number(BigInt(high) - BigInt(low)), 0);
      if (count > 0) parked[topic] = count;
    }
    return parked;
  } finally {
    await admin.disconnect();
  }
}

async function settle(what: string, problems: () => Promise<string[]>, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await problems();
    if (found.length === 0 || Date.now() > deadline) return found.map((problem) => `${what}: ${problem}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Everything that says nothing was lost or doubled, once the platform has had
 * `settleMs` to catch up: outboxes drained, every audit entry in the ledger
 * once, every stream's versions 1..n in the database and in topic order,
 * every event stored before they drained on its topic, no dead letter, one enrolment per
 * prescription (each of `prescriptionIds` has its one), at most one claim
 * per enrolment and month (corrections aside), one rights answer per request
 * and one AMO receipt per claim (a job that ran its effect twice).
 */
export async function lostOrDoubled(
  facts: PlatformFacts,
  kafka: KafkaConnection,
  { prescriptionIds = [], settleMs = 30_000 }: { prescriptionIds?: string[]; settleMs?: number } = {},
): Promise<string[]> {
  const problems: string[] = [];
  // The events stored before the outboxes drain, each of which must then be on its topic. Read
  // first: a service still appends after the load stops (the rights check of an enrolment the
  // last flows created), and an event stored after the topics' ends were read is not missing.
  const stored = new Map<string, StoredEvent[]>();
  for (const schema of Object.values(EVENT_TOPICS)) stored.set(schema, await storedEvents(facts, schema));
  problems.push(
    ...(await settle('outbox not drained', async () => Object.entries(await facts.outboxBacklog()).map(([s, n]) => `${s} ${n} row(s)`), settleMs)),
  );
  problems.push(...(await settle('ledger', () => facts.ledgerGaps(), settleMs)));
  problems.push(...(await facts.ledgerIndexHoles()));
  for (const schema of EVENT_STORE_SCHEMAS) problems.push(...(await facts.brokenStreams(schema)));

  const enrolments = await facts.query<{ prescription_id: string; n: number }>(
    `SELECT p AS prescription_id, count(*)::int AS n FROM enrolment.enrolments, unnest(prescription_ids) AS p GROUP BY p`,
  );
  const perPrescription = new Map(enrolments.map((row) => [row.prescription_id, row.n]));
  for (const [id, n] of perPrescription) if (n > 1) problems.push(`prescription ${id} has ${n} enrolments`);
  for (const id of prescriptionIds) if (!perPrescription.has(id)) problems.push(`prescription ${id} has no enrolment`);
  const claims = await facts.query<{ enrolment_id: string; period: string; n: number }>(
    `SELECT enrolment_id, period, count(*)::int AS n FROM claims.claims
      WHERE correction_of IS NULL AND status <> 'CANCELLED' GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  for (const { enrolment_id, period, n } of claims) problems.push(`enrolment ${enrolment_id} has ${n} claims for ${period}`);

  // A job run twice would record its answer twice: one rights answer per request, one AMO receipt per claim.
  const rights = await facts.query<{ stream_id: string; request: number; n: number }>(
    `SELECT stream_id, (data->>'request')::int AS request, count(*)::int AS n FROM enrolment.events
      WHERE type = 'RightsChecked' GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  for (const { stream_id, request, n } of rights) problems.push(`enrolment ${stream_id} has ${n} rights answers to request ${request}`);
  const receipts = await facts.query<{ stream_id: string; n: number }>(
    `SELECT stream_id, count(*)::int AS n FROM claims.events WHERE type = 'ClaimSubmitted' GROUP BY 1 HAVING count(*) > 1`,
  );
  for (const { stream_id, n } of receipts) problems.push(`claim ${stream_id} was received by the AMO ${n} times`);

  for (const [topic, schema] of Object.entries(EVENT_TOPICS)) {
    const records = await readTopic(kafka, topic);
    for (const stream of topicStreams(records).outOfOrder) problems.push(`${topic} out of order: ${stream}`);
    for (const missing of eventsMissingFromTopic(schema, stored.get(schema) ?? [], records)) problems.push(`not on ${topic}: ${missing}`);
  }
  for (const [topic, n] of Object.entries(await deadLetters(kafka))) problems.push(`${n} message(s) dead-lettered on ${topic}`);
  return problems;
}
