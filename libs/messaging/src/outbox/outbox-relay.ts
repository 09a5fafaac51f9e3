import { Logger } from '@nestjs/common';
import { Partitioners, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { headOutcome, type HeadOutcome } from './head-outcome';
import { settledPrefix, toTopicMessages, withinBytes, type OutboxRow } from './outbox-batch';
import { DEFAULT_RELAY_TUNING, type OutboxRelayHooks, type OutboxRelayOptions, type OutboxRelayTuning } from './outbox-relay.options';
import { DELETE_SENT, SELECT_HEAD } from './outbox-relay.sql';
import { RelayLeadership } from './relay-leadership';
import { WakeSignal } from './wake-signal';

/**
 * Publishes the service's outbox to Kafka: the oldest settled rows, in
 * position order, through an idempotent producer, then deletes them. A failed
 * send is retried with the same head rows until it goes, so an outage loses
 * nothing and never lets a later message of a stream overtake an earlier one.
 */
export class OutboxRelay {
  private readonly tuning: OutboxRelayTuning;
  private readonly leadership: RelayLeadership;
  private readonly logger: Logger;
  private readonly hooks: OutboxRelayHooks;
  private readonly work = new WakeSignal();
  private readonly pause = new WakeSignal();
  private producer: Producer | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private announcedLeader = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: OutboxRelayOptions) {
    this.tuning = { ...DEFAULT_RELAY_TUNING, ...definedOnly(options) };
    const pool = (): Pool => (options.dataSource.driver as PostgresDriver).master as Pool;
    this.leadership = new RelayLeadership(pool, this.tuning.lockName);
    this.logger = options.logger ?? new Logger(OutboxRelay.name);
    this.hooks = options.hooks ?? {};
  }

  get isLeader(): boolean {
    return this.leadership.held;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.unsubscribe = this.options.signal?.subscribe(() => this.work.wake()) ?? null;
    this.running = this.loop();
  }

  /** Lets the batch in flight finish (bounded by stopTimeoutMs), then lets go of Kafka and the lock. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.stopping = true;
    this.unsubscribe?.();
    this.work.wake();
    this.pause.wake();
    const finished = await Promise.race([running.then(() => true), delay(this.tuning.stopTimeoutMs).then(() => false)]);
    if (!finished) {
      this.logger.warn('Outbox relay stopped with a batch still in flight; its rows stay in the outbox');
      await this.letGo();
    }
    this.running = null;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let blockedWaitMs = 0;
    while (!this.stopping) {
      try {
        if (!this.leadership.held) {
          if (!(await this.leadership.tryAcquire())) {
            await this.pause.sleep(this.tuning.lockRetryMs);
            continue;
          }
          this.announceLeadership();
        }
        const { next, sent } = await this.publishHead();
        if (failures > 0) this.logger.log(`Outbox relay publishes again after ${failures} failed attempt(s)`);
        failures = 0;
        if (next === 'blocked') {
          // Its blocker may commit in another process, which wakes nobody here: look again soon, then less and
          // less often while the same head stays held back (a round that sent rows starts again from the shortest).
          blockedWaitMs = Math.min(this.tuning.pollIntervalMs, blockedWaitMs === 0 || sent > 0 ? this.tuning.blockedRetryMs : blockedWaitMs * 2);
          await this.work.sleep(blockedWaitMs);
        } else {
          blockedWaitMs = 0;
          if (next === 'drained') await this.work.sleep(this.tuning.pollIntervalMs);
        }
      } catch (error) {
        failures += 1;
        this.reportFailure(error, failures);
        await this.discardProducer();
        this.announceLeadership();
        await this.pause.sleep(Math.min(this.tuning.maxBackoffMs, 100 * 2 ** Math.min(failures, 10)));
      }
    }
    await this.letGo();
  }

  /** Publishes the settled head: how many rows went, and what to do next (headOutcome). */
  private async publishHead(): Promise<{ next: HeadOutcome; sent: number }> {
    const read = await this.leadership.query<OutboxRow>(SELECT_HEAD, [this.tuning.batchSize]);
    const settled = settledPrefix(read);
    const rows = withinBytes(settled, this.tuning.maxSendBytes);
    if (rows.length > 0) {
      const started = Date.now();
      const producer = await this.connectedProducer();
      await producer.sendBatch({ topicMessages: toTopicMessages(rows), acks: -1 });
      await this.leadership.query(DELETE_SENT, [rows.map((row) => row.position)]);
      this.hooks.published?.(rows.length, Date.now() - started);
    }
    return { next: headOutcome({ read: read.length, settled: settled.length, sent: rows.length, batchSize: this.tuning.batchSize }), sent: rows.length };
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.producer({
      idempotent: true,
      // kafkajs keeps order and exactly-once writes only with one request in flight.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Topics are created (and granted) from services.json before services start; a typo must fail, not create one.
      allowAutoTopicCreation: false,
      retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 3_000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  /** A fresh producer after a failure: kafkajs does not always recover a producer whose broker went away. */
  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async letGo(): Promise<void> {
    await this.discardProducer();
    await this.leadership.release();
    this.announceLeadership();
  }

  private announceLeadership(): void {
    const leader = this.leadership.held;
    if (leader === this.announcedLeader) return;
    this.announcedLeader = leader;
    this.logger.log(leader ? 'Outbox relay took the lock and publishes' : 'Outbox relay let go of the lock');
    this.hooks.leadershipChanged?.(leader);
  }

  private reportFailure(error: unknown, failures: number): void {
    this.hooks.failed?.(error);
    const message = `Outbox relay attempt ${failures} failed, retrying the same rows: ${describe(error)}`;
    // An outage fails every few seconds: say it at once, then now and then.
    if (failures === 1 || failures % 10 === 0) this.logger.warn(message);
    else this.logger.debug(message);
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

function definedOnly(options: OutboxRelayOptions): Partial<OutboxRelayTuning> {
  const keys = Object.keys(DEFAULT_RELAY_TUNING) as Array<keyof OutboxRelayTuning>;
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
}
