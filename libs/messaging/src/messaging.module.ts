import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { IdempotentConsumerFactory } from './consumer/idempotent-consumer.factory';
import { createKafka } from './kafka/kafka-client.factory';
import {
  KAFKA_CLIENT,
  MESSAGING_OPTIONS,
  type MessagingModuleAsyncOptions,
  type MessagingModuleOptions,
} from './messaging.options';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { OutboxSignal } from './outbox/outbox-signal';

const sharedProviders: Provider[] = [
  OutboxSignal,
  {
    provide: KAFKA_CLIENT,
    inject: [MESSAGING_OPTIONS],
    useFactory: (options: MessagingModuleOptions) =>
      createKafka({ brokers: options.brokers, sasl: options.sasl, clientId: options.serviceName }),
  },
  OutboxRelayService,
  IdempotentConsumerFactory,
];
const exported = [MESSAGING_OPTIONS, KAFKA_CLIENT, OutboxSignal, OutboxRelayService, IdempotentConsumerFactory];

/**
 * Kafka for one service: its outbox relay (started at bootstrap, one replica
 * at a time), the OutboxSignal that command handlers call after commit, and
 * the factory of its idempotent consumers. Global, so the event-sourcing
 * runner and the app's consumers can inject them. Needs the TypeORM DataSource.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...sharedProviders],
      exports: exported,
    };
  }

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...sharedProviders,
      ],
      exports: exported,
    };
  }
}
