import type { ModuleMetadata } from '@nestjs/common';
import type { IdempotentConsumerOptions } from './consumer/idempotent-consumer.options';
import type { KafkaSasl } from './kafka/kafka-sasl';
import type { OutboxRelayHooks, OutboxRelayTuning } from './outbox/outbox-relay.options';

export const MESSAGING_OPTIONS = 'MESSAGING_OPTIONS';
/** The service's kafkajs client (one per process). */
export const KAFKA_CLIENT = 'MESSAGING_KAFKA_CLIENT';

export interface MessagingModuleOptions {
  /** Kafka client id, group id prefix of the service's consumers. */
  serviceName: string;
  brokers: string[];
  /** The service's own Kafka credentials (`KAFKA_SASL_MECHANISM` / `KAFKA_USERNAME` / `KAFKA_PASSWORD`). */
  sasl?: KafkaSasl;
  relay?: Partial<OutboxRelayTuning> & {
    /** false for a process that writes no outbox (or a test that relays by hand). */
    enabled?: boolean;
    hooks?: OutboxRelayHooks;
  };
  /** Defaults for every consumer the factory creates. */
  consumers?: Pick<IdempotentConsumerOptions, 'retry' | 'ensureTopics' | 'fromBeginning'>;
}

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}
