import { toHex, type SignedTreeHead } from '@app/audit';
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
