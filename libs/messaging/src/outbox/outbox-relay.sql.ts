/** `headers[name]` from the envelope's string field `field` (NULL, hence dropped, when it is not a string). */
const envelopeHeader = (name: string, field: string): string =>
  `'${name}', CASE jsonb_typeof(payload->'${field}') WHEN 'string' THEN payload->>'${field}' END`;

/**
 * The head of the outbox, in position order. The payload comes as its JSON
 * text, sent to Kafka as it is (no parse and re-serialise in the relay), with
 * the headers that let a consumer route and trace a message without parsing
 * it (event id, type, correlation id of an envelope), the row's own headers
 * taking precedence. `settled` marks the rows below every transaction still
 * in flight (see settledPrefix).
 */
export const SELECT_HEAD = `
  SELECT position, topic, message_key, payload::text AS value,
         jsonb_strip_nulls(jsonb_build_object(
           ${envelopeHeader('event-id', 'id')},
           ${envelopeHeader('event-type', 'type')},
           ${envelopeHeader('correlation-id', 'correlationId')})) || coalesce(headers, '{}'::jsonb) AS headers,
         transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AS settled
  FROM outbox ORDER BY position LIMIT $1`;

/**
 * By the exact positions sent, never `position <= last`: a row below `last`
 * that was not yet committed when read must stay for the next round.
 */
export const DELETE_SENT = `DELETE FROM outbox WHERE position = ANY($1::bigint[])`;
