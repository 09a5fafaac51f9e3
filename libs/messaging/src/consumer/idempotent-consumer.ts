import { Logger } from '@nestjs/common';
import { deadLetterTopic, type EventEnvelope } from '@app/contracts';
import { Partitioners, type Consumer, type EachMessagePayload, type Producer } from 'kafkajs';
import { ensureTopics } from '../kafka/topic-admin';
import { deadLetterHeaders } from './dead-letter';
import { parseEnvelope } from './envelope-parser';
import type { EventHandler, IdempotentConsumerOptions, MessageOutcome } from './idempotent-consumer.options';
import { isInfrastructureError } from './infrastructure-error';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

const RECORD_IN_INBOX = `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`;

/**
 * Runs handlers for the events of some topics, each effect exactly once: the
 * inbox row and the handler's writes share one transaction, and the offset is
 * committed only after it. A handler that keeps failing parks its message on
 * `<topic>.dlq` with the error, and the consumer goes on with the next one.
 */
export class IdempotentConsumer {
  readonly groupId: string;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;

  constructor(private readonly options: IdempotentConsumerOptions) {
    this.groupId = `${options.serviceName}.${options.purpose}`;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.logger = options.logger ?? new Logger(`IdempotentConsumer:${this.groupId}`);
  }

  /** One handler per event type; events of other types are recorded and ignored. */
  on<TData = Record<string, unknown>>(type: string, handler: EventHandler<TData>): this {
    if (this.handlers.has(type)) throw new Error(`${this.groupId} already has a handler for ${type}`);
    this.handlers.set(type, handler as unknown as EventHandler);
    return this;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, topics } = this.options;
    if (this.options.ensureTopics !== false) {
      await ensureTopics(kafka, [...topics, ...topics.map(deadLetterTopic)], this.options.ensureTopics ?? 3);
    }
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const consumer = kafka.consumer({ groupId: this.groupId, sessionTimeout: 10_000, heartbeatInterval: 3_000 });
    try {
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    } catch (error) {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
      throw error;
    }
    this.producer = producer;
    this.consumer = consumer;
    await consumer.run({
      // Offsets are committed by hand, each after its message's transaction.
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.handle(payload),
    });
  }

  /** Waits for the message in hand, then leaves the group. */
  async stop(): Promise<void> {
    // Disconnecting waits for the message in hand, which still needs both to settle.
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = null;
    this.producer = null;
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const started = Date.now();
    const where = { topic, partition, offset: message.offset };
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(message.value);
    } catch (error) {
      this.logger.error(`Unreadable message at ${topic}/${partition}@${message.offset}: ${describe(error)}`);
      await this.deadLetter(payloadOf(topic, partition, message), error, 1);
      return this.settle(where, 'dead-lettered', null, started);
    }
    const trace = `event ${envelope.id} (${envelope.type}, correlation ${envelope.correlationId ?? 'none'})`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.processOnce(envelope, { ...where, attempt });
        this.logger.debug(`${trace}: ${outcome}`);
        return this.settle(where, outcome, envelope.type, started);
      } catch (error) {
        if (isInfrastructureError(error)) {
          this.logger.warn(`${trace}: database unavailable, will be delivered again: ${describe(error)}`);
          throw error;
        }
        if (attempt >= this.retry.attempts) {
          this.logger.error(`${trace}: failed ${attempt} times, sent to ${deadLetterTopic(topic)}: ${describe(error)}`);
          await this.deadLetter(payloadOf(topic, partition, message), error, attempt);
          return this.settle(where, 'dead-lettered', envelope.type, started);
        }
        this.logger.warn(`${trace}: attempt ${attempt} failed, retrying: ${describe(error)}`);
        await delay(backoffDelay(attempt, this.retry));
        await heartbeat();
      }
    }
  }

  private processOnce(
    envelope: EventEnvelope,
    where: { topic: string; partition: number; offset: string; attempt: number },
  ): Promise<MessageOutcome> {
    return this.options.dataSource.transaction(async (manager) => {
      const recorded: unknown[] = await manager.query(RECORD_IN_INBOX, [this.groupId, envelope.id]);
      if (recorded.length === 0) return 'duplicate';
      const handler = this.handlers.get(envelope.type);
      if (!handler) return 'ignored';
      await handler(envelope, { manager, ...where });
      return 'processed';
    });
  }

  private async deadLetter(original: OriginalMessage, error: unknown, attempts: number): Promise<void> {
    if (!this.producer) throw new Error(`${this.groupId} is stopped`);
    const { topic, partition, message } = original;
    await this.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: deadLetterHeaders(message.headers, {
            error,
            topic,
            partition,
            offset: message.offset,
            attempts,
            consumer: this.groupId,
            failedAt: new Date(),
          }),
        },
      ],
    });
  }

  private async settle(
    where: { topic: string; partition: number; offset: string },
    outcome: MessageOutcome,
    type: string | null,
    started: number,
  ): Promise<void> {
    await this.consumer?.commitOffsets([
      { topic: where.topic, partition: where.partition, offset: (BigInt(where.offset) + 1n).toString() },
    ]);
    this.options.hooks?.settled?.(outcome, type, Date.now() - started);
  }
}

type OriginalMessage = Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>;

const payloadOf = (topic: string, partition: number, message: EachMessagePayload['message']): OriginalMessage => ({
  topic,
  partition,
  message,
});

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
