import { Kafka, logLevel } from 'kafkajs';
import { connect } from 'node:net';
import { adminSasl, readBrokerCredentials } from './broker-credentials';
import { type KafkaSettings } from './kafka-settings';

function portAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const portIsOpen = (s: KafkaSettings): Promise<boolean> => portAnswers(s.host, s.port);

/**
 * True when a broker on the first KAFKA_BROKERS address answers a metadata
 * request of the instance's admin (no credentials yet: nothing of ours can answer).
 */
export async function brokerAnswers(s: KafkaSettings): Promise<boolean> {
  // A cheap TCP check first: kafkajs takes seconds to give up on a closed port.
  if (!(await portAnswers(s.host, s.port))) return false;
  const credentials = readBrokerCredentials(s);
  if (!credentials) return false;
  const admin = new Kafka({
    clientId: 'infra-probe',
    brokers: s.brokers,
    sasl: adminSasl(credentials),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
