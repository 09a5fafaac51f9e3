import type { Queryable } from '../store/queryable';

/**
 * One writer per schema at a time, for the transaction: replicas of the
 * service share the database, not the lock key of another schema's ledger.
 */
export async function tryTakeWriterLock(tx: Queryable): Promise<boolean> {
  const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.ledger-writer')) AS locked`);
  return locked;
}
