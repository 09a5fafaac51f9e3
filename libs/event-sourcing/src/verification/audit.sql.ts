export const READ_STREAM_AUDIT = {
  name: 'es_read_stream_audit',
  text: `SELECT stream_id, seq, entry, hash FROM audit_entries WHERE stream_id = $1 ORDER BY seq`,
};

export const READ_AUDIT_HEAD = {
  name: 'es_read_audit_head',
  text: `SELECT audit_head_hash, audit_seq AS head_seq FROM streams WHERE stream_id = $1`,
};

/** Keyset page over every chain, in chain order, with each stream's recorded head. */
export const READ_AUDIT_PAGE = {
  name: 'es_read_audit_page',
  text: `
SELECT a.stream_id, a.seq, a.entry, a.hash, s.audit_head_hash, coalesce(s.audit_seq, 0) AS head_seq
  FROM audit_entries a LEFT JOIN streams s ON s.stream_id = a.stream_id
 WHERE (a.stream_id, a.seq) > ($1, $2)
 ORDER BY a.stream_id, a.seq
 LIMIT $3`,
};

/** A stream whose head says it has audit entries but which has none left at all. */
export const FIND_EMPTIED_CHAIN = {
  name: 'es_find_emptied_chain',
  text: `
SELECT s.stream_id, s.audit_head_hash, s.audit_seq AS head_seq
  FROM streams s
 WHERE s.audit_seq > 0 AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.stream_id = s.stream_id)
 LIMIT 1`,
};
