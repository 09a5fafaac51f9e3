const EVENT_COLUMNS = `e.global_position, e.event_id, e.stream_id, e.stream_type, e.version, e.type,
       e.schema_version, e.data, e.metadata, e.occurred_at`;

/**
 * The stream row and its events in ONE statement, so the position and the
 * events come from the same snapshot. No row: the stream does not exist; one
 * row with null event columns: a stream holding audit entries only.
 */
export const READ_STREAM = {
  name: 'es_read_stream',
  text: `
SELECT s.position, s.audit_head_hash, ${EVENT_COLUMNS}
  FROM streams s LEFT JOIN events e ON e.stream_id = s.stream_id
 WHERE s.stream_id = $1
 ORDER BY e.version`,
};

/**
 * Global read in transaction order, below the oldest transaction still in
 * flight. Positions come from a sequence, so a transaction can take a lower
 * position than another and commit after it; ordering by (transaction_id,
 * global_position) and reading only transactions older than every running one
 * means nothing can later appear before the cursor. The cursor stays a global
 * position: its transaction id is looked up (the approach of Emmett/Beckett).
 * No index serves this order: one more index on events measured about 6% of
 * an append's database CPU, and nothing reads the whole store on a hot path
 * (Kafka carries events between services). A service that replays a large
 * store through readAll should add an index on (transaction_id, global_position).
 */
export const READ_ALL = {
  name: 'es_read_all',
  text: `
SELECT ${EVENT_COLUMNS}
  FROM events e
 WHERE (e.transaction_id, e.global_position) >
       (coalesce((SELECT c.transaction_id FROM events c WHERE c.global_position = $1), '0'::xid8), $1)
   AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY e.transaction_id, e.global_position
 LIMIT $2`,
};

/**
 * Every committed event of every stream of one type, stream by stream in
 * version order: what a projection is rebuilt from. Unlike READ_ALL it reads
 * what the statement's snapshot sees, late commits included; the caller
 * keeps new writes out meanwhile (a rebuild locks its read model first).
 */
export const READ_STREAM_TYPE = {
  name: 'es_read_stream_type',
  text: `
SELECT ${EVENT_COLUMNS}
  FROM events e
 WHERE e.stream_type = $1
 ORDER BY e.stream_id, e.version`,
};
