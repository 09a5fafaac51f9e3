import type { Message } from 'kafkajs';

/** An `outbox` row as the relay reads it (bigint positions stay strings). */
export interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  payload: unknown;
  headers: Record<string, string> | null;
  /** The writing transaction is older than every transaction still in flight. */
  settled: boolean;
}

/**
 * The rows the relay may publish now: those in position order up to the first
 * one whose transaction is not settled. A committed row whose transaction id
 * is still above the snapshot's xmin may precede, in its stream, a row of a
 * transaction that took its id earlier; publishing only the settled prefix
 * keeps each stream in commit order.
 */
export function settledPrefix(rows: OutboxRow[]): OutboxRow[] {
  const firstUnsettled = rows.findIndex((row) => !row.settled);
  return firstUnsettled === -1 ? rows : rows.slice(0, firstUnsettled);
}

/** Headers that let a consumer route and trace a message without parsing it. */
export function envelopeHeaders(payload: unknown): Record<string, string> {
  if (typeof payload !== 'object' || payload === null) return {};
  const envelope = payload as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (typeof envelope.id === 'string') headers['event-id'] = envelope.id;
  if (typeof envelope.type === 'string') headers['event-type'] = envelope.type;
  if (typeof envelope.correlationId === 'string') headers['correlation-id'] = envelope.correlationId;
  return headers;
}

/** Groups rows by topic, keeping position order inside each topic. */
export function toTopicMessages(rows: OutboxRow[]): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.payload),
      headers: { ...envelopeHeaders(row.payload), ...(row.headers ?? {}) },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
