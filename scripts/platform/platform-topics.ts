import { type KafkaConnection, kafkajsSasl } from '@app/messaging/kafka/kafka-sasl';
import { DEFAULT_TOPIC_PARTITIONS, ensureTopics } from '@app/messaging/kafka/topic-admin';
import { Kafka, logLevel } from 'kafkajs';
import { platformTopics, type ServiceEntry } from '../../apps/gateway/src/registry';
import { applyServiceAcls } from './broker-acls';

const READY_TIMEOUT_MS = 60_000;

/**
 * Creates every topic services.json declares (published, consumed, dead
 * letters) and waits until each partition has a leader that serves it, so no
 * service starts against a topic still being born: on a fresh broker the
 * first producer would otherwise auto-create it under a consumer's feet.
 * Then waits for the group coordinator, which a fresh broker only brings up
 * (creating __consumer_offsets) when first asked: consumers then join at once
 * instead of logging "The group coordinator is not available" while it does.
 * Finally grants each service's principal exactly the ACLs services.json
 * implies (broker-acls.ts). All as the broker's admin: services may not create topics.
 */
export async function createPlatformTopics(services: ServiceEntry[], admin: KafkaConnection, log: (line: string) => void): Promise<void> {
  const topics = platformTopics(services);
  if (topics.length === 0) return;
  // Errors surface through the rejections below, with what is still not ready.
  const kafka = new Kafka({ clientId: 'npm-start', brokers: admin.brokers, sasl: kafkajsSasl(admin.sasl), logLevel: logLevel.NOTHING });
  const created = await ensureTopics(kafka, topics, { partitions: DEFAULT_TOPIC_PARTITIONS, timeoutMs: READY_TIMEOUT_MS });
  const note = created.length > 0 ? `created ${created.length} with ${DEFAULT_TOPIC_PARTITIONS} partitions` : 'all existed';
  log(`Kafka topics ready, every partition led (${note}): ${topics.join(', ')}`);
  await waitForGroupCoordinator(kafka);
  await grantServiceAcls(kafka, services, log);
}

async function grantServiceAcls(kafka: Kafka, services: ServiceEntry[], log: (line: string) => void): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { created, removed } = await applyServiceAcls(admin, services);
    log(`Kafka ACLs of ${services.map((s) => `User:${s.name}`).join(', ')} match services.json (${created} created, ${removed} removed)`);
  } finally {
    await admin.disconnect();
  }
}

async function waitForGroupCoordinator(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        // Describing any group (this one has no members) needs its coordinator.
        await admin.describeGroups(['npm-start']);
        return;
      } catch (error) {
        if (Date.now() >= deadline) {
          throw new Error(`Kafka group coordinator not available after ${READY_TIMEOUT_MS / 1000} s: ${(error as Error).message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
