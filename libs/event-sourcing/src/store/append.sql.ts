import { GENESIS_HASH } from '@app/audit';
import type { NamedQuery } from './named-query';

/*
 * One append is ONE statement: the first CTE moves the stream (the optimistic
 * concurrency check) and every insert selects FROM it, so when the stream has
 * moved nothing at all is written. A single statement is a single round trip
 * and, in autocommit, a single commit: this is what keeps an append close to
 * the cost of a raw insert.
 *
 * $1 stream_id  $2 stream_type  $3 expected version  $4 next version
 * $5 events (jsonb array)  $6 audit entry (jsonb or null)  $7 audit hash (or null)
 * $8 outbox rows (jsonb array)  $9 the audit entry's disclosure rows (jsonb array)
 *
 * An audit entry extends the chain only from the stream's current head
 * (`prevHash` = head), so two writers cannot fork a chain either.
 */
const AUDIT_EXTENDS_HEAD = (head: string): string =>
  `($6::jsonb IS NULL OR coalesce(${head}, '${GENESIS_HASH}') = $6::jsonb->>'prevHash')`;
const AUDIT_STEP = `CASE WHEN $6::jsonb IS NULL THEN 0 ELSE 1 END`;

/**
 * A brand-new stream, autocommit: a plain insert (no speculative insertion).
 * If the stream exists it fails on streams_pkey and the store falls back to
 * the upsert below; the caller checked that the audit entry, if any, starts
 * at the genesis.
 */
const CREATE_STREAM = `
  INSERT INTO streams (stream_id, stream_type, position, audit_head_hash, audit_seq)
  SELECT $1, $2, $4, $7::text, ${AUDIT_STEP} WHERE $3::bigint = 0
  RETURNING audit_seq`;

/**
 * Expected version 0 inside a caller's transaction: a conflict must come back
 * as zero rows, not as an error that would abort the caller's transaction.
 * A stream already at position 0 (audit entries only, e.g. a refused attempt)
 * is extended through the update branch.
 */
const CREATE_OR_EXTEND_EMPTY_STREAM = `
  INSERT INTO streams AS s (stream_id, stream_type, position, audit_head_hash, audit_seq)
  SELECT $1, $2, $4, $7::text, ${AUDIT_STEP}
   WHERE ${AUDIT_EXTENDS_HEAD('NULL')} OR EXISTS (SELECT 1 FROM streams WHERE stream_id = $1)
  ON CONFLICT (stream_id) DO UPDATE
     SET position = EXCLUDED.position,
         audit_head_hash = coalesce(EXCLUDED.audit_head_hash, s.audit_head_hash),
         audit_seq = s.audit_seq + EXCLUDED.audit_seq,
         updated_at = now()
   WHERE s.position = $3 AND ${AUDIT_EXTENDS_HEAD('s.audit_head_hash')}
  RETURNING s.audit_seq`;

const EXTEND_STREAM = `
  UPDATE streams
     SET position = $4,
         audit_head_hash = coalesce($7::text, audit_head_hash),
         audit_seq = audit_seq + ${AUDIT_STEP},
         updated_at = now()
   WHERE stream_id = $1 AND position = $3 AND ${AUDIT_EXTENDS_HEAD('audit_head_hash')}
  RETURNING audit_seq`;

const appendStatement = (moveStream: string): string => `
WITH moved AS (${moveStream}
), appended AS (
  INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
  SELECT e.event_id, $1, $2, e.version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at
    FROM moved, jsonb_to_recordset($5::jsonb) AS e(event_id uuid, version bigint, type text, schema_version int,
                                                   data jsonb, metadata jsonb, occurred_at timestamptz)
), audited AS (
  INSERT INTO audit_entries (id, stream_id, seq, entry, hash)
  SELECT ($6::jsonb->>'id')::uuid, $1, moved.audit_seq, $6::jsonb, $7::text
    FROM moved
   WHERE $6::jsonb IS NOT NULL
), disclosed AS (
  INSERT INTO audit_disclosures (entry_id, path, ciphertext, aad, pseudonym, readers)
  SELECT ($6::jsonb->>'id')::uuid, d.path, d.ciphertext, d.aad, d.pseudonym, d.readers
    FROM moved, jsonb_to_recordset($9::jsonb) AS d(path text, ciphertext text, aad text, pseudonym text, readers text[])
   WHERE $6::jsonb IS NOT NULL
), announced AS (
  INSERT INTO outbox (topic, message_key, payload, headers)
  SELECT o.topic, o.message_key, o.payload, coalesce(o.headers, '{}'::jsonb)
    FROM moved, jsonb_to_recordset($8::jsonb) AS o(topic text, message_key text, payload jsonb, headers jsonb)
)
SELECT audit_seq FROM moved`;

export const APPEND_CREATING_STREAM: NamedQuery = { name: 'es_append_create', text: appendStatement(CREATE_STREAM) };
export const APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM: NamedQuery = {
  name: 'es_append_create_or_extend_empty',
  text: appendStatement(CREATE_OR_EXTEND_EMPTY_STREAM),
};
export const APPEND_EXTENDING_STREAM: NamedQuery = { name: 'es_append_extend', text: appendStatement(EXTEND_STREAM) };
