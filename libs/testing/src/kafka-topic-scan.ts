import { randomBytes } from 'node:crypto';
import { testKafka } from './kafka-test-client';

/** Where a searched value was found on the broker. */
export interface TopicHit {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Reads every topic of the broker (internal ones aside) from its beginning to
 * the end it has now, and names each message whose key, value or headers
 * hold one of `values` as text. What a privacy test needs: not the messages
 * a service meant to send, but everything the broker keeps.
 */
export async function findOnBroker(values: string[], timeoutMs = 60_000): Promise<Record<string, TopicHit[]>> {
  const kafka = testKafka('integration-test-scan');
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, bigint>();
  let topics: string[];
  try {
    topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) ends.set(`${topic}/${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const hits: Record<string, TopicHit[]> = Object.fromEntries(values.map((value) => [value, []]));
  if (ends.size === 0) return hits;
  const consumer = kafka.consumer({ groupId: `test-scan-${randomBytes(6).toString('hex')}`, sessionTimeout: 10_000, maxWaitTimeInMs: 200 });
  const remaining = new Set(ends.keys());
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`findOnBroker: ${remaining.size} partition(s) not read to their end in ${timeoutMs} ms`)), timeoutMs);
  });
  timedOut.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: topics.filter((topic) => [...ends.keys()].some((k) => k.startsWith(`${topic}/`))), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const at = `${topic}/${partition}`;
        const text = [message.key?.toString('utf8') ?? '', message.value?.toString('utf8') ?? '', ...Object.values(message.headers ?? {}).map(String)].join('\n');
        for (const value of values) if (text.includes(value)) hits[value].push({ topic, partition, offset: message.offset });
        if (BigInt(message.offset) + 1n >= (ends.get(at) ?? 0n)) remaining.delete(at);
        if (remaining.size === 0) finished();
      },
    });
    await Promise.race([done, timedOut]);
    return hits;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
