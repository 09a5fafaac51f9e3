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
