import { createHash } from 'node:crypto';
import { fromHex, toHex } from './hex';
import {
  EMPTY_TREE_ROOT,
  auditLeafHash,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
} from './merkle';
import { canonicalBytes } from './audit-hash';
import { loadMerkleVectors } from './merkle-vectors.fixture';

const vectors = loadMerkleVectors();
const leafHashes = vectors.leaves.map((hex) => leafHash(fromHex(hex)));
const hexes = (hashes: Uint8Array[]): string[] => hashes.map(toHex);

describe('Merkle tree (RFC 9162 section 2.1) against the shared vectors', () => {
  it('hashes every leaf as SHA-256(0x00 || bytes)', () => {
    expect(vectors.leaves.length).toBeGreaterThan(0);
    expect(hexes(leafHashes)).toEqual(vectors.leafHashes);
  });

  it('gives the empty tree the SHA-256 of the empty string', () => {
    expect(toHex(EMPTY_TREE_ROOT)).toBe(vectors.emptyRoot);
    expect(toHex(rootFromLeafHashes([]))).toBe(vectors.emptyRoot);
  });

  it('computes the root of every tree size in the file', () => {
    expect(Object.keys(vectors.roots)).toHaveLength(vectors.leaves.length);
    for (const [size, root] of Object.entries(vectors.roots)) {
      expect([size, toHex(rootFromLeafHashes(leafHashes, Number(size)))]).toEqual([size, root]);
    }
  });

  it('builds every inclusion proof in the file', () => {
    for (const v of vectors.inclusion) {
      expect({ ...v, path: hexes(inclusionProof(leafHashes, v.leafIndex, v.treeSize)) }).toEqual(v);
    }
  });

  it('builds every consistency proof in the file', () => {
    for (const v of vectors.consistency) {
      expect({ ...v, path: hexes(consistencyProof(leafHashes, v.from, v.to)) }).toEqual(v);
    }
  });

  it('separates leaves from nodes, so a node cannot pass for a leaf', () => {
    const [a, b] = leafHashes;
    const concatenated = Buffer.concat([a, b]);
    const same = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(y);
    expect(same(nodeHash(a, b), createHash('sha256').update(concatenated).digest())).toBe(false);
    expect(same(leafHash(concatenated), nodeHash(a, b))).toBe(false);
  });

  it('hashes an audit entry as the leaf of its canonical bytes', () => {
    const entry = { b: 1, a: 'é' } as never;
    expect(toHex(auditLeafHash(entry))).toBe(toHex(leafHash(Buffer.from('{"a":"é","b":1}', 'utf8'))));
    expect(toHex(auditLeafHash(entry))).toBe(toHex(leafHash(canonicalBytes(entry))));
  });

  it('refuses proofs outside the tree', () => {
    expect(() => inclusionProof(leafHashes, 3, 3)).toThrow(RangeError);
    expect(() => inclusionProof(leafHashes, 0, leafHashes.length + 1)).toThrow(RangeError);
    expect(() => consistencyProof(leafHashes, 4, 3)).toThrow(RangeError);
    expect(() => consistencyProof(leafHashes, 1, leafHashes.length + 1)).toThrow(RangeError);
  });

  it('returns an empty consistency proof from the empty tree', () => {
    expect(consistencyProof(leafHashes, 0, 5)).toEqual([]);
  });
});
