import type { EventContract, EventPayloads } from '@app/contracts';
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { probeBrokers } from '../kafka/broker-probe';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { OutboxSignal } from '../outbox/outbox-signal';
import type { ConsumerStatus } from './consumer-status';
import { type AnyPayloads, IdempotentConsumer } from './idempotent-consumer';
import type { IdempotentConsumerOptions } from './idempotent-consumer.options';
import { SupervisedConsumer } from './supervised-consumer';

export type ConsumerDefinition = Omit<IdempotentConsumerOptions, 'serviceName' | 'kafka' | 'dataSource'> & {
  /** Start with the application (default); false to call start() yourself. */
  autoStart?: boolean;
};

/** A consumer of one published contract: its topic, and handlers typed by the events it publishes. */
export type ContractConsumerDefinition<P extends EventPayloads> = Omit<ConsumerDefinition, 'topics'> & {
  contract: EventContract<P>;
  /** Another topic carrying the same events (a test's own); the contract's by default. */
  topic?: string;
};

/**
 * Creates the service's consumers. Those created while the application is
 * built (in a provider's constructor or onModuleInit, with their handlers
 * registered) start at bootstrap, in the background: a broker that does not
 * answer yet, or topics without leaders yet, delay them (retried with
 * backoff, reported by readiness) but never fail the application. All stop
 * before the database closes.
 */
@Injectable()
export class IdempotentConsumerFactory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly supervised: SupervisedConsumer[] = [];
  private readonly startedByHand: IdempotentConsumer[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() @Inject(OutboxSignal) private readonly outboxSignal?: OutboxSignal,
  ) {}

  create<P extends EventPayloads>(definition: ContractConsumerDefinition<P>): IdempotentConsumer<P>;
  create(definition: ConsumerDefinition): IdempotentConsumer<AnyPayloads>;
  create(given: ConsumerDefinition | ContractConsumerDefinition<EventPayloads>): IdempotentConsumer<EventPayloads> {
    const { autoStart = true, ...definition } = 'contract' in given ? topicsOf(given) : given;
    if (!autoStart) {
      const consumer = this.build(definition);
      this.startedByHand.push(consumer);
      return consumer;
    }
    const supervisor = new SupervisedConsumer({
      consumer: this.build(definition),
      topics: definition.topics,
      probe: () => probeBrokers(this.options),
    });
    this.supervised.push(supervisor);
    return supervisor.consumer;
  }

  /** Where each consumer started with the application stands (for `/health/ready`). */
  statuses(): ConsumerStatus[] {
    return this.supervised.map((supervisor) => supervisor.status());
  }

  onApplicationBootstrap(): void {
    for (const supervisor of this.supervised) supervisor.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([
      ...this.supervised.map((supervisor) => supervisor.stop()),
      ...this.startedByHand.map((consumer) => consumer.stop()),
    ]);
  }

  private build(definition: Omit<ConsumerDefinition, 'autoStart'>): IdempotentConsumer {
    return new IdempotentConsumer({
      ...this.options.consumers,
      ...definition,
      serviceName: this.options.serviceName,
      kafka: this.kafka,
      dataSource: this.dataSource,
      // A reaction's outbox rows go out at its commit, not at the relay's next poll.
      afterCommit: () => this.outboxSignal?.notify(),
    });
  }
}

function topicsOf<P extends EventPayloads>({ contract, topic, ...rest }: ContractConsumerDefinition<P>): ConsumerDefinition {
  return { ...rest, topics: [topic ?? contract.topic] };
}
