import { deadLetterTopic, TOPICS } from '@app/contracts';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type SASLOptions } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { adminConnection } from '../infra/admin-connection';
import { readBrokerCredentials } from '../infra/broker-credentials';
import { kafkaSettings } from '../infra/kafka-settings';
import { applyServiceAcls } from './broker-acls';
import { createPlatformTopics } from './platform-topics';

jest.setTimeout(120_000);

const settings = kafkaSettings();
const services = loadServiceRegistry();

/** A client that gives up at once: an authorization failure must show as itself, not after minutes of retries. */
const client = (sasl: SASLOptions | undefined, clientId = 'acl-test') =>
  new Kafka({ clientId, brokers: settings.brokers, sasl, logLevel: logLevel.NOTHING, connectionTimeout: 2_000, requestTimeout: 5_000, retry: { retries: 0 } });

const asService = (name: string): Kafka => {
  const password = readBrokerCredentials(settings)?.services[name];
  if (!password) throw new Error(`the broker instance has no credential for ${name}`);
  return client({ mechanism: 'scram-sha-512', username: name, password }, `acl-test-${name}`);
};

/**
 * As `asService`, also collecting the protocol errors kafkajs logs: it reports
 * a FindCoordinator refused with GROUP_AUTHORIZATION_FAILED only as "Failed to
 * find group coordinator" (its broker pool drops the code), and logs the code at debug level.
 */
function asServiceLogged(name: string): { kafka: Kafka; errorTypes: Set<string> } {
  const password = readBrokerCredentials(settings)?.services[name] ?? '';
  const errorTypes = new Set<string>();
  const kafka = new Kafka({
    clientId: `acl-test-${name}-logged`,
    brokers: settings.brokers,
    sasl: { mechanism: 'scram-sha-512', username: name, password },
    connectionTimeout: 2_000,
    retry: { retries: 0 },
    logLevel: logLevel.DEBUG,
    logCreator: () => ({ log }) => {
      const type = (log.error as { type?: string } | undefined)?.type;
      if (type) errorTypes.add(type);
    },
  });
  return { kafka, errorTypes };
}

const admin = () => {
  const { sasl } = adminConnection(settings);
  return client(sasl, 'acl-test-admin').admin();
};

async function produce(kafka: Kafka, topic: string, idempotent = false): Promise<void> {
  // An idempotent producer insists on retries; a refusal is not retriable anyway.
  const producer = kafka.producer({ idempotent, maxInFlightRequests: idempotent ? 1 : undefined, allowAutoTopicCreation: false, retry: { retries: idempotent ? 1 : 0 } });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'acl-test', value: JSON.stringify({ probe: randomBytes(4).toString('hex') }) }] });
  } finally {
    await producer.disconnect();
  }
}

/** What kafkajs reports a refusal as (`type` of KafkaJSProtocolError), or 'ok'. */
const outcome = (attempt: Promise<unknown>): Promise<string> =>
  attempt.then(
    () => 'ok',
    (error: { type?: string; cause?: { type?: string }; message: string }) => error.type ?? error.cause?.type ?? error.message,
  );

/** kafkajs names the code, or (a fetch refused while consuming) says it in words. */
const TOPIC_REFUSED = /TOPIC_AUTHORIZATION_FAILED|Topic authorization failed/;

describe('the local broker authenticates clients and grants each service only what services.json says (real broker)', () => {
  beforeAll(async () => {
    await createPlatformTopics(services, adminConnection(settings), () => undefined);
  });

  it('refuses a client without credentials, quickly and clearly', async () => {
    const started = Date.now();
    const anonymous = client(undefined, 'acl-test-anonymous').admin();
    const result = await outcome(anonymous.connect().then(() => anonymous.listTopics()));
    await anonymous.disconnect().catch(() => undefined);
    expect(result).not.toBe('ok');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a service principal with a wrong password', async () => {
    const impostor = client({ mechanism: 'scram-sha-512', username: 'prescription', password: 'not-its-password' }).admin();
    const result = await outcome(impostor.connect());
    await impostor.disconnect().catch(() => undefined);
    expect(result).toMatch(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
  });

  it("lets prescription write its own topic (idempotent producer, no cluster grant) and its own dead letters, and nothing else's", async () => {
    const prescription = asService('prescription');
    expect(await outcome(produce(prescription, TOPICS.prescription, true))).toBe('ok');
    expect(await outcome(produce(prescription, deadLetterTopic(TOPICS.deviceCertification, 'prescription')))).toBe('ok');
    expect(await outcome(produce(prescription, TOPICS.deviceCertification))).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await outcome(produce(prescription, deadLetterTopic(TOPICS.auditEntries, 'audit-ledger')))).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await outcome(produce(prescription, TOPICS.auditAlerts))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('lets a service read what it consumes in its own groups, not in another service’s group nor another topic', async () => {
    const read = async (kafka: Kafka, topic: string, groupId: string): Promise<string> => {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, retry: { retries: 0 } });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        const joined = new Promise<string>((resolve) => {
          // A fetch answered, not only a group joined: joining needs no READ on the topic.
          consumer.on(consumer.events.FETCH, () => resolve('ok'));
          consumer.on(consumer.events.CRASH, ({ payload }) => resolve((payload.error as { type?: string }).type ?? payload.error.message));
        });
        await consumer.run({ eachMessage: async () => undefined });
        return await joined;
      } catch (error) {
        return (error as { type?: string }).type ?? (error as Error).message;
      } finally {
        await consumer.disconnect().catch(() => undefined);
      }
    };
    const suffix = randomBytes(3).toString('hex');
    expect(await read(asService('prescription'), TOPICS.deviceCertification, `prescription.acl-test-${suffix}`)).toBe('ok');
    const intruder = asServiceLogged('prescription');
    expect(await read(intruder.kafka, TOPICS.deviceCertification, `audit-ledger.acl-test-${suffix}`)).toBe('Failed to find group coordinator');
    expect([...intruder.errorTypes]).toContain('GROUP_AUTHORIZATION_FAILED');
    // audit.entries.v1 it may write, not read; audit.alerts.v1 it may not even see.
    expect(await read(asService('prescription'), TOPICS.auditEntries, `prescription.acl-test-${suffix}`)).toMatch(TOPIC_REFUSED);
    expect(await read(asService('prescription'), TOPICS.auditAlerts, `prescription.acl-test-${suffix}`)).toMatch(TOPIC_REFUSED);
  });

  it('removes a grant services.json no longer implies, and changes nothing when run again', async () => {
    const client = admin();
    await client.connect();
    try {
      await client.createAcls({
        acl: [
          {
            principal: 'User:prescription',
            host: '*',
            operation: AclOperationTypes.READ,
            permissionType: AclPermissionTypes.ALLOW,
            resourceType: AclResourceTypes.TOPIC,
            resourceName: TOPICS.auditEntries,
            resourcePatternType: ResourcePatternTypes.LITERAL,
          },
        ],
      });
      expect(await applyServiceAcls(client, services)).toEqual({ created: 0, removed: 1 });
      expect(await applyServiceAcls(client, services)).toEqual({ created: 0, removed: 0 });
    } finally {
      await client.disconnect();
    }
  });
});
