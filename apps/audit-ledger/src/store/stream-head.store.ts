import type { StreamHead } from '../domain/stream-link.check';
import type { Queryable } from './queryable';

/** The ledger_stream_heads table: where each stream's chain stood after its last recorded entry. */

export async function readStreamHeads(db: Queryable, streamIds: string[]): Promise<Map<string, StreamHead>> {
  const rows: Array<{ stream_id: string; last_hash: string; last_version: number; last_index: string }> = await db.query(
    `SELECT stream_id, last_hash, last_version, last_index FROM ledger_stream_heads WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(rows.map((r) => [r.stream_id, { lastHash: r.last_hash, lastVersion: r.last_version, lastIndex: Number(r.last_index) }]));
}

export async function upsertStreamHeads(db: Queryable, heads: ReadonlyMap<string, StreamHead>): Promise<void> {
  const streams = [...heads.entries()];
  await db.query(
    `INSERT INTO ledger_stream_heads (stream_id, last_hash, last_version, last_index)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[])
     ON CONFLICT (stream_id) DO UPDATE
        SET last_hash = excluded.last_hash, last_version = excluded.last_version, last_index = excluded.last_index`,
    [streams.map(([id]) => id), streams.map(([, h]) => h.lastHash), streams.map(([, h]) => h.lastVersion), streams.map(([, h]) => h.lastIndex)],
  );
}
