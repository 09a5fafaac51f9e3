import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { IdempotentConsumer } from './idempotent-consumer';
import type { IdempotentConsumerOptions } from './idempotent-consumer.options';

export type ConsumerDefinition = Omit<IdempotentConsumerOptions, 'serviceName' | 'kafka' | 'dataSource'> & {
  /** Start with the application (default); false to call start() yourself. */
  autoStart?: boolean;
};

/**
 * Creates the service's consumers. Those created while the application is
 * built (in a provider's constructor or onModuleInit, with their handlers
 * registered) start at bootstrap; all stop before the database closes.
 */
@Injectable()
export class IdempotentConsumerFactory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly consumers: Array<{ consumer: IdempotentConsumer; autoStart: boolean }> = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  create({ autoStart = true, ...definition }: ConsumerDefinition): IdempotentConsumer {
    const consumer = new IdempotentConsumer({
      ...this.options.consumers,
      ...definition,
      serviceName: this.options.serviceName,
      kafka: this.kafka,
      dataSource: this.dataSource,
    });
    this.consumers.push({ consumer, autoStart });
    return consumer;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.filter((c) => c.autoStart).map(({ consumer }) => consumer.start()));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map(({ consumer }) => consumer.stop()));
  }
}
