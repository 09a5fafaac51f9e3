import type { Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

/*
 * What bench:workflow reads of the platform's own broker, as its admin, only
 * between levels (never while a level is measured): when each event was
 * written to Kafka, and whether every consumer group has caught up.
 */

/** A topic's messages of one event type, from its start to its end as of now: key -> the message's timestamp (ms). */
export async function writtenAt(kafka: Kafka, topic: string, eventType: string, timeoutMs = 60_000): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  await admin.disconnect();
  const remaining = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  const stamps = new Map<string, number>();
  if (remaining.size === 0) return stamps;
  const consumer = kafka.consumer({ groupId: `bench-workflow-stamps-${uuidv7()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const type = message.headers?.['event-type']?.toString();
          if (type === eventType && message.key) stamps.set(message.key.toString(), Number(message.timestamp));
        }
        if (BigInt(batch.lastOffset()) + 1n >= (ends.get(batch.partition) ?? 0n)) remaining.delete(batch.partition);
        if (remaining.size === 0) finish();
      },
    });
    await Promise.race([finished, timeout(timeoutMs, `reading ${topic} to its end`)]);
    return stamps;
  } finally {
    await consumer.disconnect();
  }
}

/** Every consumer group's lag, summed over its partitions (groups of this bench's own readers left out). */
export async function consumerLag(kafka: Kafka): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const lag = new Map<string, number>();
    const ends = new Map<string, Map<number, bigint>>();
    for (const { groupId } of groups.filter((g) => !g.groupId.startsWith('bench-workflow-'))) {
      let behind = 0n;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        if (!ends.has(topic)) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)])));
        for (const { partition, offset } of partitions) {
          const high = ends.get(topic)?.get(partition) ?? 0n;
          // -1: nothing committed yet; the group has everything of the partition ahead of it.
          behind += high - (offset === '-1' ? 0n : BigInt(offset));
        }
      }
      lag.set(groupId, Number(behind));
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/** Waits until no consumer group lags (ledger, claims, the rights checks' events...), so a level does not inherit the last one's backlog. */
export async function untilCaughtUp(kafka: Kafka, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = [...(await consumerLag(kafka))].filter(([, lag]) => lag > 0);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`consumers still behind after ${timeoutMs} ms: ${behind.map(([g, l]) => `${g} ${l}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const timeout = (ms: number, what: string): Promise<never> =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref());
