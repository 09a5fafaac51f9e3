import type { AppendRequest } from './event-store.types';

/**
 * The parameters of the append statement. Multi-row parts travel as one JSON
 * document each (expanded by jsonb_to_recordset), which costs one
 * JSON.stringify instead of escaping a Postgres array literal per row.
 */
export function appendParams(request: AppendRequest, latestVersion: (type: string) => number): unknown[] {
  const { streamId, streamType, expectedVersion, events, auditEntry, outbox } = request;
  const rows = events.map((event, index) => ({
    event_id: event.id,
    version: expectedVersion + index + 1,
    type: event.type,
    schema_version: event.schemaVersion ?? latestVersion(event.type),
    data: event.data,
    metadata: event.metadata,
    occurred_at: event.occurredAt,
  }));
  const messages = outbox.map((message) => ({
    topic: message.topic,
    message_key: message.key,
    payload: message.payload,
    headers: message.headers ?? {},
  }));
  return [
    streamId,
    streamType,
    expectedVersion,
    expectedVersion + events.length,
    JSON.stringify(rows),
    auditEntry ? JSON.stringify(auditEntry.entry) : null,
    auditEntry ? auditEntry.hash : null,
    JSON.stringify(messages),
  ];
}
