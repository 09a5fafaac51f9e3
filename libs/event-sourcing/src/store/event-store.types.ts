import type { Actor } from '@app/contracts';
import type { ChainedAuditEntry } from '@app/audit';
import type { OutboxMessage } from '@app/messaging';
import type { EntityManager } from 'typeorm';

/** Who caused an event and within which conversation. Stored with every event. */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

/** An event to append. `id` is a UUID v7 chosen by the caller, so a retry is recognisable. */
export interface NewEvent<TData = Record<string, unknown>> {
  id: string;
  type: string;
  data: TData;
  /** Defaults to the latest version the registry knows for `type` (1 when none). */
  schemaVersion?: number;
  occurredAt: string;
  metadata: EventMetadata;
}

/** An event as read back, upcast to the latest schema version of its type. */
export interface StoredEvent<TData = Record<string, unknown>> {
  globalPosition: number;
  id: string;
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  occurredAt: string;
}

export interface StreamState {
  /** Version of the last event; 0 when the stream has none. */
  position: number;
  /** Hash of the stream's last audit entry, or the genesis hash: the next entry's `prevHash`. */
  auditHeadHash: string;
  events: StoredEvent[];
}

/**
 * A free text of an audit entry kept for disclosure (`audit_disclosures`):
 * where its commitment sits in the entry, and its ciphertext with what opens it.
 */
export interface AuditDisclosureRow {
  /** RFC 6901 pointer into the entry, e.g. `/evidence/events/0/data/reason`. */
  path: string;
  /** The sealed `{ salt, text }` (SealedTextV1's ciphertext). */
  ciphertext: string;
  /** The associated data it was sealed with (its row and field). */
  aad: string;
  /** The patient whose data key sealed it; null: the service's own text key. */
  pseudonym: string | null;
  /** Who besides auditors may read it (`physician:<rpps>`, `physician:*`). */
  readers: string[];
}

export interface AppendRequest {
  streamId: string;
  streamType: string;
  expectedVersion: number;
  events: NewEvent[];
  /** Its `entry.prevHash` must be the stream's audit head, or the append is a conflict. */
  auditEntry?: ChainedAuditEntry;
  /** The audit entry's texts kept for disclosure, written in the same statement (none without an audit entry). */
  disclosures?: AuditDisclosureRow[];
  outbox: OutboxMessage[];
  /** Joins the caller's transaction; without it the append is one autocommit statement. */
  manager?: EntityManager;
}

export interface AppendResult {
  nextVersion: number;
  /** Sequence number of the audit entry in its stream's chain; null without one. */
  auditSeq: number | null;
}

export interface EventStoreOptions {
  /**
   * Autocommit append statements in flight at once (default 4). Appends that
   * arrive while all are busy are written together by the next free one.
   */
  concurrentAppends?: number;
  /**
   * Largest outbox message (key, JSON value, headers) an append may stage,
   * below the broker's message size (default DEFAULT_MAX_MESSAGE_BYTES);
   * a larger one is refused with 413 REQUEST.TOO_LARGE and nothing written.
   */
  maxMessageBytes?: number;
}

export interface ReadAllOptions {
  /** Global position of the last event already handled (0 to start). */
  after?: number;
  limit?: number;
  manager?: EntityManager;
}

export interface StoredAuditEntry extends ChainedAuditEntry {
  streamId: string;
  seq: number;
}
