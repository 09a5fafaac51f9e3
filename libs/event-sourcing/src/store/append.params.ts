import type { AppendRequest } from './event-store.types';

type LatestVersion = (type: string) => number;

/** The `events` rows of an append, numbered from its expected version. */
export function eventRows(request: AppendRequest, latestVersion: LatestVersion) {
  return request.events.map((event, index) => ({
    event_id: event.id,
    version: request.expectedVersion + index + 1,
    type: event.type,
    schema_version: event.schemaVersion ?? latestVersion(event.type),
    data: event.data,
    metadata: event.metadata,
    occurred_at: event.occurredAt,
  }));
}

/** The `outbox` rows of an append, in the order given (the relay keeps it per key). */
export function outboxRows(request: AppendRequest) {
  return request.outbox.map((message) => ({
    topic: message.topic,
    message_key: message.key,
    payload: message.payload,
    headers: message.headers ?? {},
  }));
}

/** The audit entry's disclosure rows; none without an audit entry. */
export function disclosureRows(request: AppendRequest) {
  if (!request.auditEntry) return [];
  return (request.disclosures ?? []).map(({ path, ciphertext, aad, pseudonym, readers }) => ({ path, ciphertext, aad, pseudonym, readers }));
}

/**
 * The parameters of the append statement. Multi-row parts travel as one JSON
 * document each (expanded by jsonb_to_recordset), which costs one
 * JSON.stringify instead of escaping a Postgres array literal per row.
 */
export function appendParams(request: AppendRequest, latestVersion: LatestVersion): unknown[] {
  const { streamId, streamType, expectedVersion, events, auditEntry } = request;
  return [
    streamId,
    streamType,
    expectedVersion,
    expectedVersion + events.length,
    JSON.stringify(eventRows(request, latestVersion)),
    auditEntry ? JSON.stringify(auditEntry.entry) : null,
    auditEntry ? auditEntry.hash : null,
    JSON.stringify(outboxRows(request)),
    JSON.stringify(disclosureRows(request)),
  ];
}

/**
 * The parameters of APPEND_TOGETHER: each append's stream part, events and
 * outbox rows tagged with its index `i` in the batch, and the stream ids (so
 * the streams are found through their primary key).
 */
export function appendTogetherParams(requests: AppendRequest[], latestVersion: LatestVersion): unknown[] {
  const streams = requests.map((request, i) => ({
    i,
    stream_id: request.streamId,
    stream_type: request.streamType,
    expected: request.expectedVersion,
    next: request.expectedVersion + request.events.length,
    audit: request.auditEntry?.entry ?? null,
    audit_hash: request.auditEntry?.hash ?? null,
  }));
  const events = requests.flatMap((request, i) => eventRows(request, latestVersion).map((row) => ({ i, ...row })));
  const outbox = requests.flatMap((request, i) => outboxRows(request).map((row, n) => ({ i, n, ...row })));
  const disclosures = requests.flatMap((request, i) => disclosureRows(request).map((row) => ({ i, ...row })));
  return [
    JSON.stringify(streams),
    JSON.stringify(events),
    JSON.stringify(outbox),
    requests.map((request) => request.streamId),
    JSON.stringify(disclosures),
  ];
}
