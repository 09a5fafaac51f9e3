import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';

/** Runs the service's outbox relay from bootstrap to shutdown. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay | null;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(OutboxSignal) signal: OutboxSignal,
  ) {
    const { enabled = true, ...tuning } = options.relay ?? {};
    this.relay = enabled ? new OutboxRelay({ ...tuning, dataSource, kafka, signal }) : null;
  }

  /** Whether this replica holds the relay lock (the others wait for it). */
  get isLeader(): boolean {
    return this.relay?.isLeader ?? false;
  }

  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }
}
