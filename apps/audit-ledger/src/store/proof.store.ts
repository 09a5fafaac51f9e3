import { consistencyProofFromNodes, consistencyProofPlan, inclusionProofFromNodes, inclusionProofPlan, toHex } from '@app/audit';
import { mapReader, readNodes } from './node.store';
import type { Queryable } from './queryable';

/** PATH(index, D[treeSize]) from the O(log n) stored nodes it needs, read in one round trip. */
export async function inclusionPath(db: Queryable, index: number, treeSize: number): Promise<string[]> {
  const nodes = await readNodes(db, inclusionProofPlan(index, treeSize).flat());
  return (await inclusionProofFromNodes(mapReader(nodes), index, treeSize)).map(toHex);
}

/** The paths of many leaves against one tree size, all nodes read in one round trip (a dossier's proofs). */
export async function inclusionPaths(db: Queryable, indexes: number[], treeSize: number): Promise<string[][]> {
  const nodes = await readNodes(db, indexes.flatMap((index) => inclusionProofPlan(index, treeSize).flat()));
  const reader = mapReader(nodes);
  return Promise.all(indexes.map(async (index) => (await inclusionProofFromNodes(reader, index, treeSize)).map(toHex)));
}

export async function consistencyPath(db: Queryable, from: number, to: number): Promise<string[]> {
  const nodes = await readNodes(db, consistencyProofPlan(from, to).flat());
  return (await consistencyProofFromNodes(mapReader(nodes), from, to)).map(toHex);
}
