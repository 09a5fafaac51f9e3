/*
 * The inbox row is written FIRST in a message's transaction: it is the lock
 * that makes a second delivery (another replica after a rebalance, or a
 * redelivery) wait for the first one's commit and then see a duplicate.
 */

/** One message: a row back means "first time: handle it". */
export const RECORD_IN_INBOX = `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`;

/**
 * A run of messages in one statement: the ids that come back are those seen
 * for the first time. An id repeated within the run comes back once (the
 * second copy conflicts with the first).
 */
export const CLAIM_IN_INBOX = `
INSERT INTO inbox (consumer, message_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING message_id`;

/**
 * A handler that catches a database error and returns leaves its transaction
 * aborted, and COMMIT of an aborted transaction quietly rolls back. Any
 * statement fails in an aborted transaction, so this one, run last, turns that
 * silent loss into an error.
 */
export const STILL_WRITABLE = `SELECT 1`;
