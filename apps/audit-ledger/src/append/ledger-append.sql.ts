/** One writer per schema: replicas of the service share the database, not the lock key of another schema's ledger. */
export const TRY_WRITER_LOCK = `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.ledger-writer')) AS locked`;

export const READ_PENDING = `
SELECT position, entry_id, stream_id, entry_jcs, chain_hash FROM ledger_pending ORDER BY position LIMIT $1`;

export const TREE_SIZE = `SELECT coalesce(max(index) + 1, 0) AS size FROM ledger_entries`;

export const READ_RECORDED = `SELECT entry_id FROM ledger_entries WHERE entry_id = ANY($1::uuid[])`;

export const READ_STREAM_HEADS = `
SELECT stream_id, last_hash, last_version, last_index FROM ledger_stream_heads WHERE stream_id = ANY($1::text[])`;

// Arrays of arrays cannot be unnested row by row, so subjects travel as one space-separated string each.
export const INSERT_ENTRIES = `
INSERT INTO ledger_entries (index, entry_id, entry_jcs, subject, subjects, stream_id, occurred_at, chain_finding, recorded_at)
SELECT e.index, e.entry_id, e.entry_jcs, coalesce((string_to_array(e.subjects, ' '))[1], ''), string_to_array(e.subjects, ' '), e.stream_id, e.occurred_at, e.finding, $8
  FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[])
       AS e(index, entry_id, entry_jcs, subjects, stream_id, occurred_at, finding)`;

export const INSERT_NODES = `
INSERT INTO ledger_nodes (level, index, hash) SELECT * FROM unnest($1::int[], $2::bigint[], $3::bytea[])`;

export const UPSERT_STREAM_HEADS = `
INSERT INTO ledger_stream_heads (stream_id, last_hash, last_version, last_index)
SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[])
ON CONFLICT (stream_id) DO UPDATE
   SET last_hash = excluded.last_hash, last_version = excluded.last_version, last_index = excluded.last_index`;

export const DELETE_PENDING = `DELETE FROM ledger_pending WHERE position = ANY($1::bigint[])`;

export const INSERT_OUTBOX = `
INSERT INTO outbox (topic, message_key, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])`;

export const LATEST_TREE_HEAD_TIME = `SELECT max(timestamp_ms) AS ms FROM tree_heads`;

export const INSERT_TREE_HEAD = `
INSERT INTO tree_heads (tree_size, root_hash, timestamp_ms, signature, key_id) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tree_size) DO NOTHING`;
