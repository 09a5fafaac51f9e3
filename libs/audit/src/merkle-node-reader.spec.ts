import { equalBytes, toHex } from './hex';
import { consistencyProof, inclusionProof, leafHash, nodeHash, rootFromLeafHashes } from './merkle';
import { consistencyProofFromNodes, inclusionProofFromNodes, nodesCompletedByLeaf, rootFromNodes, type MerkleNodeReader } from './merkle-node-reader';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

const MAX = 40;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

/** Serves perfect subtrees computed independently from the leaves, and fails on any node a tree of `treeSize` has not completed. */
function readerFor(treeSize: number, reads: string[] = []): MerkleNodeReader {
  return async (level, index) => {
    const width = 2 ** level;
    if ((index + 1) * width > treeSize) throw new Error(`node ${level}/${index} is not complete in a tree of ${treeSize}`);
    reads.push(`${level}/${index}`);
    return rootFromLeafHashes(leaves.slice(index * width, (index + 1) * width));
  };
}

describe('proofs from stored nodes equal the in-memory ones', () => {
  it('roots for every size 0..40', async () => {
    for (let size = 0; size <= MAX; size += 1) {
      expect([size, toHex(await rootFromNodes(readerFor(size), size))]).toEqual([size, toHex(rootFromLeafHashes(leaves, size))]);
    }
  });

  it('inclusion proofs for every index of every size 1..40', async () => {
    for (let size = 1; size <= MAX; size += 1) {
      for (let index = 0; index < size; index += 1) {
        const fromNodes = (await inclusionProofFromNodes(readerFor(size), index, size)).map(toHex);
        const inMemory = inclusionProof(leaves, index, size).map(toHex);
        expect([size, index, fromNodes]).toEqual([size, index, inMemory]);
      }
    }
  });

  it('consistency proofs for every pair of sizes 0 <= from <= to <= 40', async () => {
    for (let to = 1; to <= MAX; to += 1) {
      for (let from = 0; from <= to; from += 1) {
        const fromNodes = (await consistencyProofFromNodes(readerFor(to), from, to)).map(toHex);
        const inMemory = consistencyProof(leaves, from, to).map(toHex);
        expect([from, to, fromNodes]).toEqual([from, to, inMemory]);
      }
    }
  });

  it('reads O(log^2 n) nodes, not the whole tree', async () => {
    const reads: string[] = [];
    await inclusionProofFromNodes(readerFor(MAX, reads), 37, MAX);
    expect(reads.length).toBeLessThanOrEqual(8);
  });

  it('accepts a synchronous reader', async () => {
    const sync: MerkleNodeReader = (level, index) => rootFromLeafHashes(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));
    expect(equalBytes(await rootFromNodes(sync, 13), rootFromLeafHashes(leaves, 13))).toBe(true);
  });
});

describe('nodesCompletedByLeaf', () => {
  it('stores, leaf by leaf, exactly the perfect subtrees of the tree', async () => {
    const store = new Map<string, Uint8Array>();
    const reader: MerkleNodeReader = (level, index) => {
      const hash = store.get(`${level}/${index}`);
      if (!hash) throw new Error(`missing node ${level}/${index}`);
      return hash;
    };
    for (let i = 0; i < MAX; i += 1) {
      for (const node of await nodesCompletedByLeaf(reader, i, leaves[i])) store.set(`${node.level}/${node.index}`, node.hash);
      expect(equalBytes(await rootFromNodes(reader, i + 1), rootFromLeafHashes(leaves, i + 1))).toBe(true);
    }
    // 40 leaves: 40 + 20 + 10 + 5 + 2 + 1 perfect subtrees.
    expect(store.size).toBe(78);
    const independent = readerFor(MAX);
    for (const [key, hash] of store) {
      const [level, index] = key.split('/').map(Number);
      expect([key, equalBytes(hash, await independent(level, index))]).toEqual([key, true]);
    }
  });
});

describe('trees past 2^31 leaves, where 32-bit shifts would wrap', () => {
  // All leaves equal except one, so any perfect subtree's hash is cheap to compute.
  const special = 2 ** 32 + 3;
  const treeSize = 2 ** 33 + 5;
  const plain = leafHash(Buffer.from('plain'));
  const odd = leafHash(Buffer.from('special'));
  const uniform: Uint8Array[] = [plain];
  const onPath: Uint8Array[] = [odd];
  for (let level = 1; level <= 34; level += 1) {
    uniform.push(nodeHash(uniform[level - 1], uniform[level - 1]));
    const childIsLeft = Math.floor(special / 2 ** (level - 1)) % 2 === 0;
    onPath.push(childIsLeft ? nodeHash(onPath[level - 1], uniform[level - 1]) : nodeHash(uniform[level - 1], onPath[level - 1]));
  }
  const reader: MerkleNodeReader = (level, index) => (index === Math.floor(special / 2 ** level) ? onPath[level] : uniform[level]);

  it('proves and verifies inclusion of the one different leaf', async () => {
    const root = await rootFromNodes(reader, treeSize);
    const path = await inclusionProofFromNodes(reader, special, treeSize);
    expect(verifyInclusion(odd, special, treeSize, path, root)).toBe(true);
    expect(verifyInclusion(plain, special, treeSize, path, root)).toBe(false);
    expect(verifyInclusion(odd, special - 2 ** 31, treeSize, path, root)).toBe(false);
    expect(verifyInclusion(odd, special, treeSize - 2 ** 32, path, root)).toBe(false);
  });

  it('completes one node per level when a leaf closes 34 levels of subtrees', async () => {
    const nodes = await nodesCompletedByLeaf((level) => uniform[level], 2 ** 34 - 1, plain);
    expect(nodes).toHaveLength(35);
    expect(nodes.at(-2)).toEqual({ level: 33, index: 1, hash: uniform[33] });
    expect(nodes.at(-1)).toEqual({ level: 34, index: 0, hash: uniform[34] });
  });

  it('proves and verifies consistency across the 2^32 boundary', async () => {
    const from = 2 ** 32 + 7;
    const path = await consistencyProofFromNodes(reader, from, treeSize);
    const [rootFrom, rootTo] = await Promise.all([rootFromNodes(reader, from), rootFromNodes(reader, treeSize)]);
    expect(verifyConsistency(from, treeSize, rootFrom, rootTo, path)).toBe(true);
    expect(verifyConsistency(from - 2 ** 31, treeSize, rootFrom, rootTo, path)).toBe(false);
  });
});
