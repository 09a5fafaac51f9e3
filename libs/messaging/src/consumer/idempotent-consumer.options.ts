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
}

export type EventHandler<TData = Record<string, unknown>, TType extends string = string> = (
  envelope: EventEnvelope<TData, TType>,
  context: HandlerContext,
) => Promise<void> | void;

export type MessageOutcome = 'processed' | 'ignored' | 'duplicate' | 'dead-lettered';

export interface IdempotentConsumerHooks {
  settled?(outcome: MessageOutcome, type: string | null, durationMs: number): void;
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
}
