import { Kafka, logLevel } from 'kafkajs';
import { type KafkaConnection, kafkajsSasl } from './kafka-sasl';

/**
 * One quick, silent question to the brokers (describe the cluster, no
 * retries), with the service's credentials. A consumer asks it before each start attempt: kafkajs's own
 * connection retries would take seconds to give up and log every attempt.
 */
export async function probeBrokers({ brokers, sasl }: KafkaConnection, timeoutMs = 3_000): Promise<void> {
  const admin = new Kafka({
    clientId: 'broker-probe',
    brokers,
    // As the service itself: a broker that refuses its credentials is not ready for it either.
    sasl: kafkajsSasl(sasl),
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`broker ${brokers.join(',')} does not answer: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
