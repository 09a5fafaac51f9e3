import type { Kafka } from 'kafkajs';

/** What happens to the group membership of the consumers created through an observed client. */
export interface GroupMembershipListener {
  joined(): void;
  /** kafkajs restarts the consumer itself when `willRestart`; otherwise it has given up. */
  crashed(error: Error, willRestart: boolean): void;
  stopped(): void;
}

/**
 * The service's Kafka client, except that every consumer created through it
 * reports its group events to `listener`. IdempotentConsumer keeps its kafkajs
 * consumer to itself; this is how the factory learns that it has joined
 * (readiness) or crashed for good (restart it). Producers and admins are the
 * client's own: the object inherits every other member.
 */
export function observeConsumers(kafka: Kafka, listener: GroupMembershipListener): Kafka {
  const observed = Object.create(kafka) as Kafka;
  observed.consumer = (config) => {
    const consumer = kafka.consumer(config);
    consumer.on(consumer.events.GROUP_JOIN, () => listener.joined());
    consumer.on(consumer.events.CRASH, ({ payload }) => listener.crashed(payload.error, payload.restart));
    consumer.on(consumer.events.STOP, () => listener.stopped());
    return consumer;
  };
  return observed;
}
