import { Logger } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { nestKafkaLogCreator } from './kafka-log-creator';
import { type KafkaConnection, kafkajsSasl } from './kafka-sasl';

export interface KafkaClientOptions extends KafkaConnection {
  clientId: string;
  logger?: Logger;
  /** kafkajs log level; WARN by default (INFO is chatty on every group join). */
  level?: logLevel;
}

/**
 * A kafkajs client tuned for a local single broker: fail a connection attempt
 * fast and retry a few times with short waits, so an outage surfaces to the
 * caller (relay, consumer) within seconds instead of stalling for minutes.
 */
export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    sasl: kafkajsSasl(options.sasl),
    logLevel: options.level ?? logLevel.WARN,
    logCreator: nestKafkaLogCreator(options.logger ?? new Logger(`Kafka:${options.clientId}`)),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
  });
}

/** `"a:9092, b:9092"` -> `['a:9092', 'b:9092']`. */
export const parseBrokers = (value: string): string[] =>
  value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
