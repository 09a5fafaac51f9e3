import type { EventMetadata, StoredEvent } from './event-store.types';

/** An `events` row as node-postgres returns it (bigint as string, timestamptz as Date). */
export interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
}

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: Number(row.global_position),
  id: row.event_id,
  streamId: row.stream_id,
  streamType: row.stream_type,
  version: Number(row.version),
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  occurredAt: row.occurred_at.toISOString(),
});
