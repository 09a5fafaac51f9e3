import { DEFAULT_TOPIC_PARTITIONS, ensureTopics } from '@app/messaging/kafka/topic-admin';
import { Kafka, logLevel } from 'kafkajs';
import { platformTopics, type ServiceEntry } from '../../apps/gateway/src/registry';

const TOPICS_READY_TIMEOUT_MS = 60_000;

/**
 * Creates every topic services.json declares (published, consumed, dead
 * letters) and waits until each partition has a leader that serves it, so no
 * service starts against a topic still being born: on a fresh broker the
 * first producer would otherwise auto-create it under a consumer's feet.
 */
export async function createPlatformTopics(services: ServiceEntry[], brokers: string[], log: (line: string) => void): Promise<void> {
  const topics = platformTopics(services);
  if (topics.length === 0) return;
  // Errors surface through the rejection below, with the topics still not ready.
  const kafka = new Kafka({ clientId: 'npm-start', brokers, logLevel: logLevel.NOTHING });
  const created = await ensureTopics(kafka, topics, { partitions: DEFAULT_TOPIC_PARTITIONS, timeoutMs: TOPICS_READY_TIMEOUT_MS });
  const note = created.length > 0 ? `created ${created.length} with ${DEFAULT_TOPIC_PARTITIONS} partitions` : 'all existed';
  log(`Kafka topics ready, every partition led (${note}): ${topics.join(', ')}`);
}
