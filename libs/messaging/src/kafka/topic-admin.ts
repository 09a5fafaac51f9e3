import type { Admin, Kafka } from 'kafkajs';
import { topicsWithoutLeaders } from './partition-leaders';

/** Partitions of the platform's topics (the broker's num.partitions locally). */
export const DEFAULT_TOPIC_PARTITIONS = 3;

export interface EnsureTopicsOptions {
  /** Partitions of a topic created here; an existing topic keeps its own. */
  partitions?: number;
  /**
   * How long to wait for every partition to have a leader that serves it.
   * Short by default: a consumer retries its whole start anyway, and a
   * shutdown waits for an attempt in flight.
   */
  timeoutMs?: number;
}

export class TopicsNotReadyError extends Error {
  override name = 'TopicsNotReadyError';
}

const POLL_MS = 250;

/**
 * Creates the topics that do not exist yet (existing ones are left as they
 * are; a concurrent creation by another replica is not an error), then waits
 * until every partition of every one of them, existing ones included, has a
 * leader that serves it. A topic auto-created a moment ago by another
 * service's producer exists before its partitions do: a consumer subscribing
 * then would fail with "This server does not host this topic-partition".
 * Returns the topics it created.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: number | EnsureTopicsOptions = {},
): Promise<string[]> {
  const { partitions = DEFAULT_TOPIC_PARTITIONS, timeoutMs = 10_000 } = typeof options === 'number' ? { partitions: options } : options;
  const wanted = [...new Set(topics)];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        // Waited for below, with the existing topics.
        waitForLeaders: false,
        // No replication factor: the broker's default (1 locally, 3 on the cluster).
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
    await waitForServedPartitions(admin, wanted, timeoutMs);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Metadata first (every partition has a leader), then one offsets request per
 * topic, which only the leader answers once it really hosts the partition: on
 * KRaft the broker publishes metadata a moment before it creates the logs.
 */
async function waitForServedPartitions(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  if (topics.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  let problems: string[] = [];
  for (;;) {
    try {
      problems = topicsWithoutLeaders((await admin.fetchTopicMetadata({ topics })).topics, topics);
      if (problems.length === 0) {
        await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (error) {
      // A topic still being created answers UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE: keep waiting.
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (Date.now() >= deadline) {
      throw new TopicsNotReadyError(`Kafka topics not ready after ${Math.round(timeoutMs / 1000)} s: ${problems.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
