import { Logger } from '@nestjs/common';
import { WakeSignal } from '../outbox/wake-signal';
import { DEFAULT_START_BACKOFF, isWorthAWarning, startRetryDelayMs, type StartBackoff } from './consumer-start-backoff';
import type { ConsumerState, ConsumerStatus } from './consumer-status';
import type { IdempotentConsumer } from './idempotent-consumer';
import type { GroupMembershipListener } from './idempotent-consumer.options';

export interface SupervisedConsumerOptions {
  /** The consumer to run; it reports its group events to the supervisor. */
  consumer: IdempotentConsumer;
  topics: string[];
  /** Asked before each start attempt; rejects, with the reason, while the broker does not answer. */
  probe: () => Promise<void>;
  backoff?: StartBackoff;
  logger?: Logger;
}

/**
 * Runs one IdempotentConsumer in the background from bootstrap to shutdown: a
 * consumer that cannot start (broker unreachable, topics without leaders yet)
 * never fails the application; it retries with backoff, saying why, until it
 * runs, and again if kafkajs gives up on it after a crash. Its status feeds
 * `/health/ready`.
 */
export class SupervisedConsumer implements GroupMembershipListener {
  readonly consumer: IdempotentConsumer;
  private state: ConsumerState = 'waiting';
  private reason: string | undefined;
  private loop: Promise<void> | null = null;
  private stopping = false;
  /** Set when the consumer must be (re)started: at first, and after a crash kafkajs will not restart. */
  private needsStart = true;
  /** Failed attempts since the consumer last joined its group; sets the backoff. */
  private failures = 0;
  /** Cuts the idle wait short: a crash kafkajs gave up on, or stop(). */
  private readonly restartOrStop = new WakeSignal();
  /** Cuts the backoff short, for stop() only: a crash must not skip the backoff. */
  private readonly stopSignal = new WakeSignal();
  private readonly backoff: StartBackoff;
  private readonly logger: Logger;

  constructor(private readonly options: SupervisedConsumerOptions) {
    this.consumer = options.consumer.observe(this);
    this.backoff = options.backoff ?? DEFAULT_START_BACKOFF;
    this.logger = options.logger ?? new Logger(`Consumer:${this.consumer.groupId}`);
  }

  status(): ConsumerStatus {
    return {
      groupId: this.consumer.groupId,
      topics: this.options.topics,
      state: this.state,
      ...(this.state !== 'joined' && this.reason ? { reason: this.reason } : {}),
    };
  }

  /** Returns at once: the attempts run in the background. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /**
   * Ends the retries, waits for an attempt in flight (it cannot be cut short,
   * and must not leave a consumer behind), then stops the consumer.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.restartOrStop.wake();
    this.stopSignal.wake();
    await this.loop;
    this.loop = null;
    await this.consumer.stop().catch((error: unknown) => this.logger.warn(`Did not stop cleanly: ${describe(error)}`));
    this.state = 'stopped';
  }

  joined(): void {
    if (this.state !== 'joined') this.logger.log(`Joined group ${this.consumer.groupId} (topics ${this.options.topics.join(', ')})`);
    if (this.failures > 0) this.logger.log(`Consuming after ${this.failures} failed attempt(s)`);
    this.state = 'joined';
    this.reason = undefined;
    this.failures = 0;
  }

  crashed(error: Error, willRestart: boolean): void {
    if (this.stopping) return;
    if (willRestart) {
      // kafkajs restarts it itself after a short wait, and logs the crash.
      this.reason = describe(error);
      this.state = 'joining';
      return;
    }
    this.failures += 1;
    this.report(`kafkajs gave up on the consumer: ${describe(error)}`);
    this.needsStart = true;
    this.restartOrStop.wake();
  }

  stopped(): void {
    if (this.state === 'joined' && !this.stopping) this.state = 'joining';
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (!this.needsStart) {
        // Running: nothing to do until a crash kafkajs will not restart, or stop().
        await this.restartOrStop.sleep(60_000);
        continue;
      }
      if (this.failures > 0) {
        await this.stopSignal.sleep(startRetryDelayMs(this.failures, this.backoff));
        if (this.stopping) break;
      }
      try {
        await this.attempt();
      } catch (error) {
        this.failures += 1;
        this.report(describe(error));
      }
    }
  }

  private async attempt(): Promise<void> {
    this.state = 'waiting';
    // A consumer kafkajs gave up on is still connected as far as IdempotentConsumer knows: start afresh.
    await this.consumer.stop();
    await this.options.probe();
    if (this.stopping) return;
    this.state = 'starting';
    // Cleared before start(): a crash kafkajs gives up on during the join sets it again.
    this.needsStart = false;
    try {
      // Creates missing topics and waits for their leaders, connects, subscribes, joins.
      await this.consumer.start();
    } catch (error) {
      this.needsStart = true;
      // A half-started consumer (connected, not running) must not stay half-connected.
      await this.consumer.stop().catch(() => undefined);
      throw error;
    }
    // The join usually completes inside start(); if it did not, kafkajs is retrying it.
    if (this.state === 'starting') this.state = 'joining';
  }

  /** One warning per new reason (and a reminder now and then), debug otherwise. */
  private report(reason: string): void {
    const previous = this.reason;
    this.reason = reason;
    this.state = 'waiting';
    const line = `Cannot start yet (attempt ${this.failures}), retrying in ${formatDelay(startRetryDelayMs(this.failures, this.backoff))}: ${reason}`;
    if (isWorthAWarning(this.failures, reason, previous, this.backoff)) this.logger.warn(line);
    else this.logger.debug(line);
  }
}

/** `KafkaJSConnectionError: ...`; a plain Error needs no name. */
const describe = (error: unknown): string =>
  error instanceof Error ? (error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message) : String(error);

const formatDelay = (ms: number): string => (ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
