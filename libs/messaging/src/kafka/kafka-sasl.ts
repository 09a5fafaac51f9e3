import type { SASLOptions } from 'kafkajs';

/** The one mechanism the platform's brokers accept from clients (SASL/SCRAM-SHA-512). */
export const KAFKA_SASL_MECHANISM = 'scram-sha-512';

/** A service's Kafka credentials: its principal is `User:<username>`. */
export interface KafkaSasl {
  mechanism: typeof KAFKA_SASL_MECHANISM;
  username: string;
  password: string;
}

/** Where a client connects and as whom; no `sasl` means an unauthenticated client (refused by the platform's brokers). */
export interface KafkaConnection {
  brokers: string[];
  sasl?: KafkaSasl;
}

/** The kafkajs `sasl` option, or nothing for an unauthenticated client. */
export const kafkajsSasl = (sasl: KafkaSasl | undefined): SASLOptions | undefined =>
  sasl ? { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } : undefined;

/** The credentials of `KAFKA_SASL_MECHANISM` / `KAFKA_USERNAME` / `KAFKA_PASSWORD`, for tools and tests (services validate them in their config). */
export function kafkaSaslFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_USERNAME: username, KAFKA_PASSWORD: password } = env;
  if (!mechanism) return undefined;
  if (mechanism !== KAFKA_SASL_MECHANISM || !username || !password) {
    throw new Error(`KAFKA_SASL_MECHANISM must be ${KAFKA_SASL_MECHANISM}, with KAFKA_USERNAME and KAFKA_PASSWORD set`);
  }
  return { mechanism, username, password };
}
