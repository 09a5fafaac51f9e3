import { type KafkaConnection, kafkajsSasl, kafkaSaslFromEnv } from '@app/messaging/kafka/kafka-sasl';
import { Kafka, logLevel, type Message, type SASLOptions } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { type CollectedMessage, describeMessages, toCollectedMessage } from './kafka-test-message';

export const testKafkaBrokers = (): string[] => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/**
 * The broker of the tests, as the principal of KAFKA_SASL_MECHANISM /
 * KAFKA_USERNAME / KAFKA_PASSWORD: the local broker's admin unless the
 * environment says otherwise (integration-env.setup.ts reads it from the
 * broker instance).
 */
export const testKafkaConnection = (): KafkaConnection => ({ brokers: testKafkaBrokers(), sasl: kafkaSaslFromEnv() });

/** The kafkajs `sasl` option of the tests' principal. */
export const testKafkaSasl = (): SASLOptions | undefined => kafkajsSasl(kafkaSaslFromEnv());

export const testKafka = (clientId = 'integration-test'): Kafka =>
  new Kafka({ clientId, brokers: testKafkaBrokers(), sasl: testKafkaSasl(), logLevel: logLevel.ERROR });

/** A topic name no other test file or run uses (the broker keeps data between runs). */
export const uniqueTopic = (prefix: string): string => `${prefix}.${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

export async function createTopics(topics: string[], partitions = 1): Promise<void> {
  const admin = testKafka('integration-test-admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

export async function produceMessages(topic: string, messages: Message[]): Promise<void> {
  const producer = testKafka('integration-test-producer').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

export interface CollectOptions {
  until: (messages: CollectedMessage[]) => boolean;
  timeoutMs?: number;
  /**
   * A group whose offsets the test placed beforehand (startConsumerGroupsAtEnd): reads from there.
   * A topic every test writes to (audit.alerts.v1) can hold more than a test can read from its start in time.
   */
  groupId?: string;
}

/**
 * Reads `topic` from the beginning with a fresh consumer group until `until`
 * holds, and returns what had arrived at that moment. On timeout the error
 * lists what did arrive, which usually tells why the test failed.
 */
export async function collectMessages(topic: string, { until, timeoutMs = 30_000, groupId }: CollectOptions): Promise<CollectedMessage[]> {
  const consumer = testKafka('integration-test-collector').consumer({
    groupId: groupId ?? `test-collector-${randomBytes(6).toString('hex')}`,
    sessionTimeout: 10_000,
    maxWaitTimeInMs: 500,
  });
  const collected: CollectedMessage[] = [];
  let satisfied: (messages: CollectedMessage[]) => void = () => undefined;
  const done = new Promise<CollectedMessage[]>((resolve) => (satisfied = resolve));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`collectMessages(${topic}) timed out after ${timeoutMs} ms; ${describeMessages(collected)}`)),
      timeoutMs,
    );
  });
  // The race below may only start listening after a slow connect.
  timedOut.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    if (until(collected)) return [];
    // `until` is asked once a batch, not once a message: on a topic that holds thousands of
    // messages (a broker kept between runs), asking it per message is quadratic.
    await consumer.run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        for (const message of batch.messages) {
          collected.push(toCollectedMessage(batch.partition, message));
          resolveOffset(message.offset);
        }
        await heartbeat();
        if (until(collected)) satisfied([...collected]);
      },
    });
    return await Promise.race([done, timedOut]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
