import { toHex, type SignedTreeHead } from '@app/audit';
import { LedgerErrors } from '../domain/ledger.errors';
import type { Queryable } from './queryable';

interface TreeHeadRow {
  tree_size: string;
  root_hash: Buffer;
  timestamp_ms: string;
  signature: Buffer;
  key_id: string;
}

const COLUMNS = `tree_size, root_hash, timestamp_ms, signature, key_id`;

export function fromTreeHeadRow(row: TreeHeadRow): SignedTreeHead {
  return {
    treeSize: Number(row.tree_size),
    rootHash: toHex(row.root_hash),
    timestamp: new Date(Number(row.timestamp_ms)).toISOString(),
    signature: toHex(row.signature),
    keyId: row.key_id,
  };
}

export async function latestTreeHead(db: Queryable): Promise<SignedTreeHead | null> {
  const rows: TreeHeadRow[] = await db.query(`SELECT ${COLUMNS} FROM tree_heads ORDER BY tree_size DESC LIMIT 1`);
  return rows.length ? fromTreeHeadRow(rows[0]) : null;
}

/** The newest signed head (the writer signs the empty tree at start-up, so there is always one once it ran). */
export async function signedTreeHead(db: Queryable): Promise<SignedTreeHead> {
  const head = await latestTreeHead(db);
  if (!head) throw LedgerErrors.badTreeSize('the ledger has not signed a tree head yet');
  return head;
}

export async function treeHeadOfSize(db: Queryable, treeSize: number): Promise<SignedTreeHead | null> {
  const rows: TreeHeadRow[] = await db.query(`SELECT ${COLUMNS} FROM tree_heads WHERE tree_size = $1`, [treeSize]);
  return rows.length ? fromTreeHeadRow(rows[0]) : null;
}

/** Newest first. */
export async function treeHeadPage(db: Queryable, offset: number, limit: number): Promise<{ items: SignedTreeHead[]; total: number }> {
  const rows: TreeHeadRow[] = await db.query(`SELECT ${COLUMNS} FROM tree_heads ORDER BY tree_size DESC OFFSET $1 LIMIT $2`, [offset, limit]);
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM tree_heads`);
  return { items: rows.map(fromTreeHeadRow), total };
}

export async function treeHeadCount(db: Queryable): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM tree_heads`))[0].n;
}

/** The newest head's timestamp, so a new head never goes back in time even if the platform clock does. */
export async function latestTreeHeadTime(db: Queryable): Promise<number> {
  return Number((await db.query(`SELECT max(timestamp_ms) AS ms FROM tree_heads`))[0].ms ?? 0);
}

export async function insertTreeHead(db: Queryable, head: SignedTreeHead, rootHash: Uint8Array, timestampMs: number): Promise<void> {
  await db.query(
    `INSERT INTO tree_heads (tree_size, root_hash, timestamp_ms, signature, key_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tree_size) DO NOTHING`,
    [head.treeSize, rootHash, timestampMs, Buffer.from(head.signature, 'hex'), head.keyId],
  );
}
