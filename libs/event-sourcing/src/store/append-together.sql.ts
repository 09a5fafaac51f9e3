import { GENESIS_HASH } from '@app/audit';
import type { NamedQuery } from './named-query';

/*
 * Several appends to DIFFERENT streams in ONE statement, hence one
 * transaction and one commit: what the store does with autocommit appends
 * that waited for a free statement (see AppendCombiner). Each append keeps its
 * own guards, exactly those of append.sql.ts:
 * - an existing stream moves only from its expected position, and its audit
 *   entry only extends its current head (the UPDATE's conditions, re-checked
 *   on the latest row version after waiting for a concurrent writer);
 * - a new stream is a plain insert that does nothing if the stream exists,
 *   and its audit chain starts at the genesis;
 * and an append whose stream did not move writes nothing (every insert joins
 * `moved`), while the others of the statement still do.
 *
 * The statement never waits for another transaction's lock on an existing
 * stream (SKIP LOCKED): such an append is handed back as `busy` and goes
 * alone, where it waits as it always did. Otherwise the appends sharing the
 * statement would wait with it, and a transaction holding that lock while
 * awaiting one of them would wait forever, out of sight of Postgres's
 * deadlock detector (the wait would be in the application).
 *
 * $1 streams: [{ i, stream_id, stream_type, expected, next, audit, audit_hash }]
 * $2 events: [{ i, event_id, version, ... }]   $3 outbox rows: [{ i, n, topic, ... }]
 * $4 the stream ids (text[]), so that streams are reached through their key.
 * $5 the audit entries' disclosure rows: [{ i, path, ciphertext, aad, pseudonym, readers }]
 * Returns (i, audit_seq, busy) for each append that moved its stream
 * (busy false) or found it locked (busy true); absent: not moved.
 */
const text = `
WITH request AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS r(i int, stream_id text, stream_type text, expected bigint, next bigint, audit jsonb, audit_hash text)
), locked AS MATERIALIZED (
  SELECT s.stream_id FROM streams s WHERE s.stream_id = ANY($4::text[]) FOR UPDATE SKIP LOCKED
), extended AS (
  UPDATE streams s
     SET position = r.next,
         audit_head_hash = coalesce(r.audit_hash, s.audit_head_hash),
         audit_seq = s.audit_seq + CASE WHEN r.audit IS NULL THEN 0 ELSE 1 END,
         updated_at = now()
    FROM request r
   WHERE s.stream_id IN (SELECT stream_id FROM locked) AND s.stream_id = r.stream_id AND r.expected > 0
     AND s.position = r.expected
     AND (r.audit IS NULL OR coalesce(s.audit_head_hash, '${GENESIS_HASH}') = r.audit->>'prevHash')
  RETURNING s.stream_id, s.audit_seq
), created AS (
  INSERT INTO streams (stream_id, stream_type, position, audit_head_hash, audit_seq)
  SELECT r.stream_id, r.stream_type, r.next, r.audit_hash, CASE WHEN r.audit IS NULL THEN 0 ELSE 1 END
    FROM request r
   WHERE r.expected = 0 AND (r.audit IS NULL OR r.audit->>'prevHash' = '${GENESIS_HASH}')
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id, audit_seq
), moved AS (
  SELECT r.i, r.stream_id, r.stream_type, m.audit_seq, r.audit, r.audit_hash
    FROM request r JOIN (SELECT * FROM extended UNION ALL SELECT * FROM created) m ON m.stream_id = r.stream_id
), appended AS (
  INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
  SELECT e.event_id, m.stream_id, m.stream_type, e.version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at
    FROM jsonb_to_recordset($2::jsonb) AS e(i int, event_id uuid, version bigint, type text, schema_version int,
                                            data jsonb, metadata jsonb, occurred_at timestamptz)
    JOIN moved m ON m.i = e.i
   ORDER BY e.i, e.version
), audited AS (
  INSERT INTO audit_entries (id, stream_id, seq, entry, hash)
  SELECT (m.audit->>'id')::uuid, m.stream_id, m.audit_seq, m.audit, m.audit_hash
    FROM moved m
   WHERE m.audit IS NOT NULL
), disclosed AS (
  INSERT INTO audit_disclosures (entry_id, path, ciphertext, aad, pseudonym, readers)
  SELECT (m.audit->>'id')::uuid, d.path, d.ciphertext, d.aad, d.pseudonym, d.readers
    FROM jsonb_to_recordset($5::jsonb) AS d(i int, path text, ciphertext text, aad text, pseudonym text, readers text[])
    JOIN moved m ON m.i = d.i
   WHERE m.audit IS NOT NULL
), announced AS (
  -- Sorted, so that positions (taken as rows are inserted) follow each append's order of messages.
  INSERT INTO outbox (topic, message_key, payload, headers)
  SELECT o.topic, o.message_key, o.payload, coalesce(o.headers, '{}'::jsonb)
    FROM jsonb_to_recordset($3::jsonb) AS o(i int, n int, topic text, message_key text, payload jsonb, headers jsonb)
    JOIN moved m ON m.i = o.i
   ORDER BY o.i, o.n
)
SELECT i, audit_seq, false AS busy FROM moved
UNION ALL
SELECT r.i, NULL, true FROM request r
 WHERE r.expected > 0 AND r.stream_id NOT IN (SELECT stream_id FROM locked)
   AND EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = r.stream_id)`;

export const APPEND_TOGETHER: NamedQuery = { name: 'es_append_together', text };
