import type { PartitionMetadata } from 'kafkajs';

export interface TopicPartitions {
  name: string;
  partitions: PartitionMetadata[];
}

/**
 * Why the given topics cannot be used yet, one line per topic; empty when
 * every partition of every topic has a leader. A topic the broker has just
 * created (by request or auto-created by someone's producer) may be listed
 * before its partitions have leaders: subscribing then fails with
 * "This server does not host this topic-partition".
 */
export function topicsWithoutLeaders(metadata: TopicPartitions[], topics: string[]): string[] {
  const byName = new Map(metadata.map((topic) => [topic.name, topic.partitions]));
  const problems: string[] = [];
  for (const topic of [...new Set(topics)]) {
    const partitions = byName.get(topic);
    if (!partitions) {
      problems.push(`${topic}: unknown to the broker yet`);
      continue;
    }
    if (partitions.length === 0) {
      problems.push(`${topic}: no partitions yet`);
      continue;
    }
    const leaderless = partitions
      .filter((p) => p.leader < 0 || p.partitionErrorCode !== 0)
      .map((p) => p.partitionId)
      .sort((a, b) => a - b);
    if (leaderless.length > 0) {
      problems.push(`${topic}: partition${leaderless.length > 1 ? 's' : ''} ${leaderless.join(', ')} without a leader`);
    }
  }
  return problems;
}
