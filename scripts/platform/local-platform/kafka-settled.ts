import { kafkajsSasl } from '@app/messaging/kafka/kafka-sasl';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { adminConnection } from '../../infra/admin-connection';
import type { KafkaSettings } from '../../infra/kafka-settings';

/** Per topic and partition, the end offset (high watermark). */
type Ends = Map<string, string>;

/**
 * Until every service's consumer groups (`<service>.<purpose>`) have
 * committed the end of every topic they read, twice in a row with the ends
 * unchanged in between (an outbox relay polls every 250 ms; a consumer's
 * reaction may publish more). Consumers commit after handling a message,
 * so "at the end" means "applied": a test waits for Kafka, not for a guess.
 * Throws after `timeoutMs`, naming the groups still behind.
 */
export async function waitForKafkaSettled(
  broker: KafkaSettings,
  services: readonly ServiceEntry[],
  { timeoutMs = 30_000, intervalMs = 300 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const admin = adminConnection(broker);
  const kafka = new Kafka({ clientId: 'local-platform-settled', brokers: admin.brokers, sasl: kafkajsSasl(admin.sasl), logLevel: logLevel.NOTHING });
  const client = kafka.admin();
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let previous: Ends | undefined;
    let behind: string[] = [];
    for (;;) {
      const ends = await endOffsets(client, services);
      behind = await groupsBehind(client, services, ends);
      if (behind.length === 0 && previous && sameEnds(previous, ends)) return;
      previous = behind.length === 0 ? ends : undefined;
      if (Date.now() > deadline) throw new Error(`Kafka consumers not caught up within ${timeoutMs} ms: ${behind.join('; ') || 'topics still growing'}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    await client.disconnect();
  }
}

async function endOffsets(client: ReturnType<Kafka['admin']>, services: readonly ServiceEntry[]): Promise<Ends> {
  const topics = [...new Set(services.flatMap((s) => s.topics.consumes))];
  const ends: Ends = new Map();
  for (const topic of topics) {
    for (const { partition, high } of await client.fetchTopicOffsets(topic)) ends.set(`${topic}/${partition}`, high);
  }
  return ends;
}

async function groupsBehind(client: ReturnType<Kafka['admin']>, services: readonly ServiceEntry[], ends: Ends): Promise<string[]> {
  const { groups } = await client.listGroups();
  const behind: string[] = [];
  for (const service of services.filter((s) => s.topics.consumes.length > 0)) {
    const own = groups.map((g) => g.groupId).filter((id) => id.startsWith(`${service.name}.`));
    for (const groupId of own) {
      const topics = await assignedTopics(client, groupId);
      if (topics.length === 0) continue;
      for (const { topic, partitions } of await client.fetchOffsets({ groupId, topics })) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(`${topic}/${partition}`) ?? '0';
          // -1: nothing committed yet, which is at the end only for an empty partition.
          const committed = offset === '-1' ? '0' : offset;
          if (BigInt(committed) < BigInt(end)) behind.push(`${groupId} ${topic}[${partition}] at ${committed} of ${end}`);
        }
      }
    }
  }
  return behind;
}

/** The topics a group's members read (a group also lists topics it never subscribed to, as uncommitted). */
async function assignedTopics(client: ReturnType<Kafka['admin']>, groupId: string): Promise<string[]> {
  const { groups } = await client.describeGroups([groupId]);
  const topics = new Set<string>();
  for (const member of groups[0]?.members ?? []) {
    const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
  }
  return [...topics];
}

const sameEnds = (a: Ends, b: Ends): boolean => a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
