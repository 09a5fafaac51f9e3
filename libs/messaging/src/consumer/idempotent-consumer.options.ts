import type { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@app/contracts';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { RetryPolicy } from './retry-policy';

export interface HandlerContext {
  /** The transaction that also records the message in the inbox: write the effects through it. */
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
  /** Each handled message's offset and raw value, in order (one for a single event): what a consumer that quarantines keeps. */
  messages?: ReadonlyArray<{ offset: string; value: Buffer | null }>;
}

export type EventHandler<TData = Record<string, unknown>, TType extends string = string> = (
  envelope: EventEnvelope<TData, TType>,
  context: HandlerContext,
) => Promise<void> | void;

/**
 * Several events of one type, consecutive in their partition and new to the
 * inbox, in one call (`offset` is the last one's): a projection writes them in
 * one statement instead of one round trip each.
 */
export type ManyEventsHandler<TData = Record<string, unknown>, TType extends string = string> = (
  envelopes: Array<EventEnvelope<TData, TType>>,
  context: HandlerContext,
) => Promise<void> | void;

/** A type's handler as registered: for one event at a time, or for consecutive ones together. */
export type RegisteredHandler = { many: false; handle: EventHandler } | { many: true; handle: ManyEventsHandler };

/**
 * The platform's topics have 3 partitions: a consumer handles them side by
 * side, each in its own order, so Postgres works on one partition's run while
 * Node prepares the next one's (about twice the events/s of one at a time on
 * 2 cores, npm run bench:relay). It then holds up to that many of its
 * service's connections while it works.
 */
export const DEFAULT_PARTITIONS_AT_ONCE = 3;

export type MessageOutcome = 'processed' | 'ignored' | 'duplicate' | 'dead-lettered';

/** What happens to a consumer's group membership: readiness and a supervisor's restarts follow it. */
export interface GroupMembershipListener {
  joined(): void;
  /** kafkajs restarts the consumer itself when `willRestart`; otherwise it has given up. */
  crashed(error: Error, willRestart: boolean): void;
  stopped(): void;
}

export interface IdempotentConsumerHooks {
  settled?(outcome: MessageOutcome, type: string | null, durationMs: number): void;
  /**
   * A message that is not a readable envelope (not JSON, no id or type), before it is dead-lettered:
   * a consumer that must account for every message (the ledger's quarantine) records it here.
   */
  unreadable?(message: { topic: string; partition: number; offset: string; value: Buffer | null }, error: unknown): Promise<void>;
}

/** Large enough to spread a transaction and an offset commit over many messages, small enough to keep locks briefly. */
export const DEFAULT_MAX_RUN = 500;

export interface IdempotentConsumerOptions {
  serviceName: string;
  /** What this consumer is for; the group id is `<serviceName>.<purpose>`. */
  purpose: string;
  topics: string[];
  kafka: Kafka;
  dataSource: DataSource;
  retry?: Partial<RetryPolicy>;
  /** A new group reads each topic from its start (read models rebuild from history). */
  fromBeginning?: boolean;
  /** Partitions handled side by side, each in its own order; default DEFAULT_PARTITIONS_AT_ONCE. */
  partitionsConsumedConcurrently?: number;
  /**
   * Most messages of a partition handled in one transaction (inbox rows and
   * effects) and settled by one offset commit. Default DEFAULT_MAX_RUN.
   */
  maxRun?: number;
  /** Partitions for the topics and dead-letter topics created when missing; false to create none. */
  ensureTopics?: number | false;
  logger?: Logger;
  hooks?: IdempotentConsumerHooks;
  /**
   * Called after each of its transactions commits. Its handlers may have
   * written outbox rows (a reaction's events): the factory wakes the
   * service's relay here, as a command does after its commit, instead of
   * leaving them to the relay's next poll.
   */
  afterCommit?: () => void;
}
