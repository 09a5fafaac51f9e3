import type { Message } from 'kafkajs';

/** An `outbox` row as the relay reads it (see SELECT_HEAD; bigint positions stay strings). */
export interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  /** The payload's JSON text: the Kafka message value. */
  value: string;
  headers: Record<string, string>;
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

/**
 * The longest prefix whose keys, values and headers stay within `maxBytes`
 * (at least one row), so that one send stays below the broker's request
 * limits whatever the batch size; the rest waits for the next round, order
 * unchanged. A row larger than `maxBytes` goes alone: the event store refused
 * at append time any message the broker would not take (MAX_MESSAGE_BYTES).
 */
export function withinBytes(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  let bytes = 0;
  for (const [index, row] of rows.entries()) {
    bytes += rowBytes(row);
    if (bytes > maxBytes && index > 0) return rows.slice(0, index);
  }
  return rows;
}

/** What one row weighs in a produce request, framing aside. */
export function rowBytes(row: OutboxRow): number {
  let bytes = Buffer.byteLength(row.value) + Buffer.byteLength(row.message_key);
  for (const [name, value] of Object.entries(row.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/** Groups rows by topic, keeping position order inside each topic. */
export function toTopicMessages(rows: OutboxRow[]): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.value, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
