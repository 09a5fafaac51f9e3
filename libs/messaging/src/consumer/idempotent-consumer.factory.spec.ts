import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { MessagingModuleOptions } from '../messaging.options';
import { OutboxSignal } from '../outbox/outbox-signal';
import { IdempotentConsumerFactory } from './idempotent-consumer.factory';
import type { IdempotentConsumerOptions } from './idempotent-consumer.options';

const optionsOf = (consumer: unknown) => (consumer as { options: IdempotentConsumerOptions }).options;

describe('the consumers the factory creates', () => {
  const options: MessagingModuleOptions = { serviceName: 'svc', brokers: ['127.0.0.1:1'] };

  it('wake the service\'s outbox relay after each commit, as a command does', () => {
    const signal = new OutboxSignal();
    const woken: string[] = [];
    signal.subscribe(() => woken.push('relay'));
    const factory = new IdempotentConsumerFactory(options, {} as Kafka, {} as DataSource, signal);
    const consumer = factory.create({ purpose: 'p', topics: ['t'], autoStart: false });
    optionsOf(consumer).afterCommit?.();
    expect(woken).toEqual(['relay']);
  });

  it('wake nobody in a process without a relay signal', () => {
    const factory = new IdempotentConsumerFactory(options, {} as Kafka, {} as DataSource);
    expect(() => optionsOf(factory.create({ purpose: 'p', topics: ['t'], autoStart: false })).afterCommit?.()).not.toThrow();
  });
});
