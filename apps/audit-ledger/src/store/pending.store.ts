import type { PendingEntry } from '../domain/ledger-batch.plan';
import type { MessagePlace } from '../domain/quarantine';
import type { Queryable } from './queryable';

/** The ledger_pending table: entries consumed from Kafka, waiting for the single writer (appends are batched). */

export interface StagedEntry {
  entryId: string;
  streamId: string;
  entryJcs: string;
  chainHash: string;
  place: MessagePlace;
}

/** In arrival order (positions follow it); an entry staged before is left as it is. */
export async function stagePending(db: Queryable, entries: readonly StagedEntry[]): Promise<void> {
  await db.query(
    `INSERT INTO ledger_pending (entry_id, stream_id, entry_jcs, chain_hash, topic, partition, "offset")
     SELECT e.entry_id, e.stream_id, e.entry_jcs, e.chain_hash, e.topic, e.partition, e.offset
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
            WITH ORDINALITY AS e(entry_id, stream_id, entry_jcs, chain_hash, topic, partition, "offset", n)
      ORDER BY e.n
     ON CONFLICT (entry_id) DO NOTHING`,
    [
      entries.map((e) => e.entryId),
      entries.map((e) => e.streamId),
      entries.map((e) => e.entryJcs),
      entries.map((e) => e.chainHash),
      entries.map((e) => e.place.topic),
      entries.map((e) => e.place.partition),
      entries.map((e) => e.place.offset),
    ],
  );
}

export async function readPending(db: Queryable, limit: number): Promise<PendingEntry[]> {
  const rows: Array<{
    position: string;
    entry_id: string;
    stream_id: string;
    entry_jcs: string;
    chain_hash: string;
    topic: string;
    partition: number;
    offset: string;
  }> = await db.query(
    `SELECT position, entry_id, stream_id, entry_jcs, chain_hash, topic, partition, "offset" FROM ledger_pending ORDER BY position LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    position: Number(row.position),
    entryId: row.entry_id,
    streamId: row.stream_id,
    entryJcs: row.entry_jcs,
    chainHash: row.chain_hash,
    place: { topic: row.topic, partition: row.partition, offset: row.offset },
  }));
}

export async function deletePending(db: Queryable, positions: number[]): Promise<void> {
  await db.query(`DELETE FROM ledger_pending WHERE position = ANY($1::bigint[])`, [positions]);
}
