import { toHex, type NodeRef, type StoredNode } from '@app/audit';
import { nodeKey } from '../domain/node-key';
import type { Queryable } from './queryable';

const READ_NODES = `
SELECT n.level, n.index, n.hash
  FROM unnest($1::int[], $2::bigint[]) AS wanted(level, index)
  JOIN ledger_nodes n ON n.level = wanted.level AND n.index = wanted.index`;

/** A stored node that should exist and does not: the tables were damaged. */
export class MissingNodeError extends Error {
  constructor(ref: NodeRef) {
    super(`ledger node (level ${ref.level}, index ${ref.index}) is missing`);
  }
}

/** The given nodes in one round trip, keyed by nodeKey. */
export async function readNodes(db: Queryable, refs: readonly NodeRef[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (refs.length === 0) return found;
  const rows: Array<{ level: number; index: string; hash: Buffer }> = await db.query(READ_NODES, [
    refs.map((ref) => ref.level),
    refs.map((ref) => ref.index),
  ]);
  for (const row of rows) found.set(nodeKey(row.level, Number(row.index)), row.hash);
  for (const ref of refs) if (!found.has(nodeKey(ref.level, ref.index))) throw new MissingNodeError(ref);
  return found;
}

/** A synchronous MerkleNodeReader over nodes read beforehand. */
export const mapReader =
  (nodes: ReadonlyMap<string, Buffer>) =>
  (level: number, index: number): Buffer => {
    const hash = nodes.get(nodeKey(level, index));
    if (!hash) throw new MissingNodeError({ level, index });
    return hash;
  };

export async function insertNodes(db: Queryable, nodes: readonly StoredNode[]): Promise<void> {
  await db.query(`INSERT INTO ledger_nodes (level, index, hash) SELECT * FROM unnest($1::int[], $2::bigint[], $3::bytea[])`, [
    nodes.map((n) => n.level),
    nodes.map((n) => n.index),
    nodes.map((n) => n.hash),
  ]);
}

/** The leaf hash of an entry (level 0 of the tree), hex. */
export async function leafHashAt(db: Queryable, index: number): Promise<string> {
  const [row] = await db.query(`SELECT hash FROM ledger_nodes WHERE level = 0 AND index = $1`, [index]);
  if (!row) throw new MissingNodeError({ level: 0, index });
  return toHex(row.hash as Buffer);
}
