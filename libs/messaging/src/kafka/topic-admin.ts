import type { Kafka } from 'kafkajs';

/**
 * Creates the topics that do not exist yet (existing ones are left as they
 * are; a concurrent creation by another replica is not an error) and waits for their leaders, so a consumer subscribing right after
 * finds every partition.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], partitions = 3): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        // No replication factor: the broker's default (1 locally, 3 on the cluster).
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
