import { Logger } from '@nestjs/common';
import { deadLetterTopic, type EventEnvelope, type EventPayloads } from '@app/contracts';
import { Partitioners, type Consumer, type EachBatchPayload, type KafkaMessage, type Producer } from 'kafkajs';
import { ensureTopics } from '../kafka/topic-admin';
import { nextOffset, planBatch, type ReadableMessage } from './batch-plan';
import { deadLetterHeaders } from './dead-letter';
import { DEFAULT_MAX_RUN, DEFAULT_PARTITIONS_AT_ONCE, type EventHandler, type HandlerContext, type GroupMembershipListener, type ManyEventsHandler, type RegisteredHandler, type IdempotentConsumerOptions, type MessageOutcome } from './idempotent-consumer.options';
import { RECORD_IN_INBOX, STILL_WRITABLE } from './inbox.sql';
import { isInfrastructureError } from './infrastructure-error';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { FailedMessage, handleRunTogether, type RunContext } from './run-transaction';

interface Place {
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
  /** Commits the offset after `message`: called only once it and every message before it are settled. */
  settledUpTo: (message: KafkaMessage) => Promise<void>;
}

/** What a consumer that names no contract may receive: any type, any payload (tests, tools). */
export type AnyPayloads = { [type: string]: Record<string, unknown> };

/**
 * Runs handlers for the events of some topics, each effect exactly once: the
 * inbox row and the handler's writes share one transaction, and the offset is
 * committed only after it.
 *
 * A fetched batch is handled in runs, each in ONE transaction (inbox rows
 * included) and one offset commit. When a handler throws, its run is rolled
 * back and redone around it: the messages before it together again, then the
 * failing one alone, retried with backoff and finally parked on its
 * dead-letter topic, then the messages after it. So a poison message goes to
 * the dead letters alone, the good ones of its batch take effect once, and the
 * partition's order holds. A database that cannot be reached is never a reason
 * to dead-letter: the error goes to kafkajs, which delivers again from the
 * last committed offset.
 */
export class IdempotentConsumer<P extends EventPayloads = AnyPayloads> {
  readonly groupId: string;
  private readonly handlers = new Map<string, RegisteredHandler>();
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private membership: GroupMembershipListener | null = null;

  constructor(private readonly options: IdempotentConsumerOptions) {
    this.groupId = `${options.serviceName}.${options.purpose}`;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.logger = options.logger ?? new Logger(`IdempotentConsumer:${this.groupId}`);
  }

  /**
   * One handler per event type; events of other types are recorded and
   * ignored. With a contract (libs/contracts) the type is one it publishes and
   * the handler's envelope carries its published payload type.
   */
  on<T extends keyof P & string>(type: T, handler: EventHandler<P[T], T>): this {
    return this.register(type, { many: false, handle: handler as unknown as EventHandler });
  }

  /**
   * Like `on`, for a handler that takes consecutive events of the type in one
   * call (one statement for many). When it throws, each of those events is
   * handled again alone, in a one-element call: retries and dead letters stay
   * per message.
   */
  onMany<T extends keyof P & string>(type: T, handler: ManyEventsHandler<P[T], T>): this {
    return this.register(type, { many: true, handle: handler as unknown as ManyEventsHandler });
  }

  /** Tells `listener` when this consumer joins its group, crashes or stops, from its next start on. */
  observe(listener: GroupMembershipListener): this {
    this.membership = listener;
    return this;
  }

  private register(type: string, handler: RegisteredHandler): this {
    if (this.handlers.has(type)) throw new Error(`${this.groupId} already has a handler for ${type}`);
    this.handlers.set(type, handler);
    return this;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, topics } = this.options;
    if (this.options.ensureTopics !== false) {
      await ensureTopics(kafka, [...topics, ...topics.map((topic) => deadLetterTopic(topic, this.options.serviceName))], this.options.ensureTopics ?? 3);
    }
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    const consumer = kafka.consumer({ groupId: this.groupId, sessionTimeout: 10_000, heartbeatInterval: 3_000 });
    const membership = this.membership;
    if (membership) {
      consumer.on(consumer.events.GROUP_JOIN, () => membership.joined());
      consumer.on(consumer.events.CRASH, ({ payload }) => membership.crashed(payload.error, payload.restart));
      consumer.on(consumer.events.STOP, () => membership.stopped());
    }
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
      // Offsets are committed by hand, each after the transaction of what it covers.
      autoCommit: false,
      // Nor resolved for us: a batch left half-way (stop, rebalance) is fetched again from where it stopped.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? DEFAULT_PARTITIONS_AT_ONCE,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Waits for the run in hand, then leaves the group. */
  async stop(): Promise<void> {
    // Disconnecting waits for the run in hand, which still needs both to settle.
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = null;
    this.producer = null;
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const place: Place = {
      topic,
      partition,
      heartbeat,
      settledUpTo: async (message) => {
        await this.consumer?.commitOffsets([{ topic, partition, offset: nextOffset(message) }]);
        resolveOffset(message.offset);
      },
    };
    for (const step of planBatch(batch.messages, this.options.maxRun ?? DEFAULT_MAX_RUN)) {
      if (!isRunning() || isStale()) return;
      if (step.kind === 'unreadable') {
        const started = Date.now();
        this.logger.error(`Unreadable message at ${topic}/${partition}@${step.message.offset}: ${describe(step.error)}`);
        await this.options.hooks?.unreadable?.({ topic, partition, offset: step.message.offset, value: step.message.value }, step.error);
        await this.deadLetter(place, step.message, step.error, 1);
        await place.settledUpTo(step.message);
        this.report('dead-lettered', null, started);
      } else {
        await this.handleRun(place, step.messages);
      }
      await heartbeat();
    }
  }

  /** A run together; if one of its handlers throws, the run again around that message (see the class comment). */
  private async handleRun(place: Place, run: ReadableMessage[]): Promise<void> {
    if (run.length === 0) return;
    const started = Date.now();
    let outcomes: MessageOutcome[];
    try {
      outcomes = await handleRunTogether(this.runContext(place), run);
    } catch (error) {
      return this.handleRunAround(place, run, error);
    }
    this.options.afterCommit?.();
    const last = run[run.length - 1].message;
    await place.settledUpTo(last);
    outcomes.forEach((outcome, index) => this.report(outcome, run[index].envelope.type, started));
    this.logger.debug(`${place.topic}/${place.partition}: ${run.length} message(s) up to @${last.offset} handled together`);
  }

  /** The run was rolled back: again without the message whose handler threw, then that one alone. */
  private async handleRunAround(place: Place, run: ReadableMessage[], error: unknown): Promise<void> {
    const failure = error instanceof FailedMessage ? error : null;
    const cause = failure ? failure.cause : error;
    if (isInfrastructureError(cause)) {
      this.logger.warn(`${place.topic}/${place.partition}: database unavailable, will be delivered again: ${describe(cause)}`);
      throw cause;
    }
    if (!failure) {
      // The transaction itself failed (e.g. at commit): no message to blame, so each is handled alone.
      for (const message of run) await this.handleAlone(place, message);
      return;
    }
    const end = failure.index + failure.count;
    await this.handleRun(place, run.slice(0, failure.index));
    if (failure.count === 1) {
      await this.handleAlone(place, run[failure.index], { error: failure.cause });
    } else {
      // Which of the events handled together failed is not known: each gets its own attempts, alone.
      for (const message of run.slice(failure.index, end)) await this.handleAlone(place, message);
    }
    await this.handleRun(place, run.slice(end));
  }

  /** One message in its own transaction, retried with backoff, dead-lettered after its last attempt. */
  private async handleAlone(place: Place, { envelope, message }: ReadableMessage, firstFailure?: { error: unknown }): Promise<void> {
    const started = Date.now();
    const trace = `event ${envelope.id} (${envelope.type}, correlation ${envelope.correlationId ?? 'none'})`;
    // A first attempt that failed within its run counts: the retries go on from the second.
    let failed = firstFailure !== undefined;
    let error = firstFailure?.error;
    for (let attempt = failed ? 2 : 1; ; attempt += 1) {
      if (failed) {
        if (isInfrastructureError(error)) {
          this.logger.warn(`${trace}: database unavailable, will be delivered again: ${describe(error)}`);
          throw error;
        }
        if (attempt > this.retry.attempts) {
          this.logger.error(`${trace}: failed ${attempt - 1} times, sent to ${deadLetterTopic(place.topic, this.options.serviceName)}: ${describe(error)}`);
          await this.deadLetter(place, message, error, attempt - 1);
          await place.settledUpTo(message);
          return this.report('dead-lettered', envelope.type, started);
        }
        this.logger.warn(`${trace}: attempt ${attempt - 1} failed, retrying: ${describe(error)}`);
        await delay(backoffDelay(attempt - 1, this.retry));
        await place.heartbeat();
      }
      try {
        const where = { topic: place.topic, partition: place.partition, offset: message.offset, attempt, messages: [{ offset: message.offset, value: message.value }] };
        const outcome = await this.processOnce(envelope, where);
        this.options.afterCommit?.();
        await place.settledUpTo(message);
        this.logger.debug(`${trace}: ${outcome}`);
        return this.report(outcome, envelope.type, started);
      } catch (caught) {
        failed = true;
        error = caught;
      }
    }
  }

  private processOnce(
    envelope: EventEnvelope,
    where: Omit<HandlerContext, 'manager'>,
  ): Promise<MessageOutcome> {
    return this.options.dataSource.transaction(async (manager) => {
      const recorded: unknown[] = await manager.query(RECORD_IN_INBOX, [this.groupId, envelope.id]);
      if (recorded.length === 0) return 'duplicate';
      const handler = this.handlers.get(envelope.type);
      if (!handler) return 'ignored';
      if (handler.many) await handler.handle([envelope], { manager, ...where });
      else await handler.handle(envelope, { manager, ...where });
      await manager.query(STILL_WRITABLE);
      return 'processed';
    });
  }

  private runContext({ topic, partition }: Place): RunContext {
    return { dataSource: this.options.dataSource, consumer: this.groupId, handlers: this.handlers, topic, partition };
  }

  private async deadLetter(place: Place, message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    if (!this.producer) throw new Error(`${this.groupId} is stopped`);
    const { topic, partition } = place;
    await this.producer.send({
      topic: deadLetterTopic(topic, this.options.serviceName),
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

  private report(outcome: MessageOutcome, type: string | null, started: number): void {
    this.options.hooks?.settled?.(outcome, type, Date.now() - started);
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
