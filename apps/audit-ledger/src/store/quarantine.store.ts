import { AUDIT_ALERTS_V1, type AuditEntryQuarantinedV1 } from '@app/contracts';
import { quarantineAlertEnvelope, type QuarantineRecord } from '../domain/quarantine';
import type { Queryable } from './queryable';

/**
 * The quarantine rows and their alerts (outbox, audit.alerts.v1) in ONE
 * statement: atomic even on a bare connection, and in the caller's
 * transaction when given one (the consumer's, with its inbox rows).
 */
export async function recordQuarantine(db: Queryable, records: readonly QuarantineRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.query(
    `WITH quarantined AS (
       INSERT INTO ledger_quarantine (id, received_at, reason, message, entry_id, service, stream_id, topic, partition, "offset", raw, raw_sha256, raw_size)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
                            $10::text[], $11::bytea[], $12::text[], $13::int[])
       RETURNING id)
     INSERT INTO outbox (topic, message_key, payload)
     SELECT $14, a.message_key, a.payload FROM unnest($15::text[], $16::jsonb[]) AS a(message_key, payload)`,
    [
      records.map((r) => r.quarantineId),
      records.map((r) => r.receivedAt),
      records.map((r) => r.reason),
      records.map((r) => r.message),
      records.map((r) => r.entryId),
      records.map((r) => r.service),
      records.map((r) => r.streamId),
      records.map((r) => r.topic),
      records.map((r) => r.partition),
      records.map((r) => r.offset),
      records.map((r) => (r.raw ? Buffer.from(r.raw.buffer, r.raw.byteOffset, r.raw.byteLength) : null)),
      records.map((r) => r.rawSha256),
      records.map((r) => r.rawSize),
      AUDIT_ALERTS_V1.topic,
      records.map((r) => quarantineAlertEnvelope(r).streamId),
      records.map((r) => JSON.stringify(quarantineAlertEnvelope(r))),
    ],
  );
}

/** A quarantined message as `GET /v1/ledger/quarantine` serves it: the raw bytes in base64 (they may be anything), null past 64 KiB. */
export type QuarantineItem = AuditEntryQuarantinedV1 & { rawBase64: string | null };

interface QuarantineRow {
  id: string;
  received_at: Date;
  reason: AuditEntryQuarantinedV1['reason'];
  message: string;
  entry_id: string | null;
  service: string | null;
  stream_id: string | null;
  topic: string;
  partition: number;
  offset: string;
  raw: Buffer | null;
  raw_sha256: string;
  raw_size: number;
}

/** Newest first. */
export async function listQuarantine(db: Queryable, page: { offset: number; limit: number }): Promise<{ items: QuarantineItem[]; total: number }> {
  const rows: QuarantineRow[] = await db.query(
    `SELECT * FROM ledger_quarantine ORDER BY received_at DESC, id DESC OFFSET $1 LIMIT $2`,
    [page.offset, page.limit],
  );
  const [{ count }]: Array<{ count: number }> = await db.query(`SELECT count(*)::int AS count FROM ledger_quarantine`);
  return {
    total: count,
    items: rows.map((row) => ({
      quarantineId: row.id,
      reason: row.reason,
      message: row.message,
      entryId: row.entry_id,
      service: row.service,
      streamId: row.stream_id,
      topic: row.topic,
      partition: row.partition,
      offset: row.offset,
      rawSha256: row.raw_sha256,
      rawSize: row.raw_size,
      receivedAt: row.received_at.toISOString(),
      rawBase64: row.raw ? row.raw.toString('base64') : null,
    })),
  };
}
