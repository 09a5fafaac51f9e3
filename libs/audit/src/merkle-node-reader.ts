import { EMPTY_TREE_ROOT, nodeHash } from './merkle';
import { consistencyProofPlan, inclusionProofPlan, rootPlan, type NodeRef } from './merkle-node-plan';

/**
 * The hash of the stored perfect subtree at (level, index); level 0 is the
 * leaf hash. A ledger backs it with its nodes table, so proofs never rebuild
 * the tree. It may answer synchronously or with a Promise.
 */
export type MerkleNodeReader = (level: number, index: number) => Uint8Array | Promise<Uint8Array>;

/** A node the ledger must store once a leaf is appended. */
export interface StoredNode extends NodeRef {
  hash: Uint8Array;
}

export async function rootFromNodes(reader: MerkleNodeReader, treeSize: number): Promise<Uint8Array> {
  const refs = rootPlan(treeSize);
  return refs.length === 0 ? EMPTY_TREE_ROOT : fold(await readAll(reader, refs));
}

export async function inclusionProofFromNodes(reader: MerkleNodeReader, index: number, treeSize: number): Promise<Uint8Array[]> {
  return resolvePlan(reader, inclusionProofPlan(index, treeSize));
}

export async function consistencyProofFromNodes(reader: MerkleNodeReader, from: number, to: number): Promise<Uint8Array[]> {
  return resolvePlan(reader, consistencyProofPlan(from, to));
}

/**
 * Appending leaf `leafIndex` completes the leaf node and every perfect
 * subtree it closes (one per trailing 1 bit of the index). The reader must
 * already see the nodes of earlier leaves, including earlier leaves of the
 * same batch.
 */
export async function nodesCompletedByLeaf(reader: MerkleNodeReader, leafIndex: number, leaf: Uint8Array): Promise<StoredNode[]> {
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0) throw new RangeError('leafIndex must be a non-negative integer');
  const nodes: StoredNode[] = [{ level: 0, index: leafIndex, hash: leaf }];
  let hash = leaf;
  let index = leafIndex;
  let level = 0;
  while (index % 2 === 1) {
    hash = nodeHash(await reader(level, index - 1), hash);
    index = (index - 1) / 2;
    level += 1;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

async function resolvePlan(reader: MerkleNodeReader, plan: NodeRef[][]): Promise<Uint8Array[]> {
  const hashes = await readAll(reader, plan.flat());
  let offset = 0;
  return plan.map((refs) => {
    const element = fold(hashes.slice(offset, offset + refs.length));
    offset += refs.length;
    return element;
  });
}

function readAll(reader: MerkleNodeReader, refs: NodeRef[]): Promise<Uint8Array[]> {
  return Promise.all(refs.map((ref) => reader(ref.level, ref.index)));
}

/** MTH of consecutive perfect subtrees, largest first: fold from the right. */
function fold(hashes: Uint8Array[]): Uint8Array {
  let acc = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = nodeHash(hashes[i], acc);
  return acc;
}
