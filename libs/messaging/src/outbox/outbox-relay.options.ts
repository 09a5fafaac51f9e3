import type { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { OutboxSignal } from './outbox-signal';

/** Optional metric hooks (e.g. prom-client counters in the service). */
export interface OutboxRelayHooks {
  published?(count: number, durationMs: number): void;
  failed?(error: unknown): void;
  leadershipChanged?(leader: boolean): void;
}

export interface OutboxRelayTuning {
  /** Rows read per round (sent and deleted as far as they are settled and fit in maxSendBytes). */
  batchSize: number;
  /** Bytes of keys and values per send at most, well below the broker's 1 MiB request and batch limits. */
  maxSendBytes: number;
  /** Polling period when no wake-up arrives (another process may have written). */
  pollIntervalMs: number;
  /**
   * First wait before reading again a head held back by a transaction still
   * in flight (any transaction of the cluster that took an id before the
   * head's, most often another service's, which never wakes this relay):
   * doubled at each try, up to pollIntervalMs.
   */
  blockedRetryMs: number;
  /** How often a replica without the lock tries to take it. */
  lockRetryMs: number;
  /** Longest wait between two attempts at a batch that failed. */
  maxBackoffMs: number;
  /** How long stop() waits for the batch in flight before giving up on it. */
  stopTimeoutMs: number;
  /** Advisory lock name; one per schema by default. */
  lockName: string | null;
}

export const DEFAULT_RELAY_TUNING: OutboxRelayTuning = {
  batchSize: 1_000,
  maxSendBytes: 512 * 1024,
  pollIntervalMs: 250,
  blockedRetryMs: 2,
  lockRetryMs: 1_000,
  maxBackoffMs: 5_000,
  stopTimeoutMs: 10_000,
  lockName: null,
};

export interface OutboxRelayOptions extends Partial<OutboxRelayTuning> {
  dataSource: DataSource;
  kafka: Kafka;
  signal?: OutboxSignal;
  logger?: Logger;
  hooks?: OutboxRelayHooks;
}
