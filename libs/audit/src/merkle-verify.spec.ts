import { fromHex } from './hex';
import { EMPTY_TREE_ROOT, consistencyProof, inclusionProof, leafHash, rootFromLeafHashes } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { loadMerkleVectors } from './merkle-vectors.fixture';

const vectors = loadMerkleVectors();
const leaves = vectors.leafHashes.map(fromHex);
const root = (size: number): Uint8Array => fromHex(vectors.roots[String(size)]);
const leafOf = (seed: number): Uint8Array => leafHash(Buffer.from(`leaf ${seed}`));

describe('verifyInclusion (RFC 9162 section 2.1.3.2)', () => {
  it('accepts every inclusion vector in the file', () => {
    expect(vectors.inclusion.length).toBeGreaterThan(0);
    for (const v of vectors.inclusion) {
      const ok = verifyInclusion(leaves[v.leafIndex], v.leafIndex, v.treeSize, v.path.map(fromHex), root(v.treeSize));
      expect({ ...v, ok }).toEqual({ ...v, ok: true });
    }
  });

  it('rejects a proof presented for another entry, index or tree size', () => {
    for (const v of vectors.inclusion) {
      const path = v.path.map(fromHex);
      const otherLeaf = leaves[(v.leafIndex + 1) % leaves.length];
      const otherSize = v.treeSize === leaves.length ? v.treeSize - 1 : v.treeSize + 1;
      const attempts = {
        otherLeaf: v.treeSize > 1 && verifyInclusion(otherLeaf, v.leafIndex, v.treeSize, path, root(v.treeSize)),
        otherIndex: v.treeSize > 1 && verifyInclusion(leaves[v.leafIndex], (v.leafIndex + 1) % v.treeSize, v.treeSize, path, root(v.treeSize)),
        otherSize: otherSize > v.leafIndex && verifyInclusion(leaves[v.leafIndex], v.leafIndex, otherSize, path, root(otherSize)),
        otherRoot: verifyInclusion(leaves[v.leafIndex], v.leafIndex, v.treeSize, path, EMPTY_TREE_ROOT),
      };
      expect({ ...v, attempts }).toEqual({ ...v, attempts: { otherLeaf: false, otherIndex: false, otherSize: false, otherRoot: false } });
    }
  });

  it('rejects a tampered, shortened or lengthened path', () => {
    const path = inclusionProof(leaves, 2, 7);
    const flipped = path.map((h, i) => (i === 1 ? Buffer.from(h.map((b, j) => (j === 0 ? b ^ 1 : b))) : h));
    expect(verifyInclusion(leaves[2], 2, 7, path, root(7))).toBe(true);
    expect(verifyInclusion(leaves[2], 2, 7, flipped, root(7))).toBe(false);
    expect(verifyInclusion(leaves[2], 2, 7, path.slice(0, -1), root(7))).toBe(false);
    expect(verifyInclusion(leaves[2], 2, 7, [...path, leaves[0]], root(7))).toBe(false);
    // A prefix of a real proof reaches an inner node, never the root of the claimed size.
    expect(verifyInclusion(leaves[0], 0, 4, [leaves[1]], root(2))).toBe(false);
  });

  it('rejects malformed input without throwing', () => {
    expect(verifyInclusion(leaves[0], 1, 1, [], root(1))).toBe(false);
    expect(verifyInclusion(leaves[0], -1, 1, [], root(1))).toBe(false);
    expect(verifyInclusion(leaves[0], 0.5, 2, [leaves[1]], root(2))).toBe(false);
    expect(verifyInclusion(leaves[0].subarray(1), 0, 1, [], root(1))).toBe(false);
    expect(verifyInclusion(leaves[0], 0, 2, [leaves[1].subarray(0, 31)], root(2))).toBe(false);
  });
});

describe('verifyConsistency (RFC 9162 section 2.1.4.2)', () => {
  it('accepts every consistency vector in the file', () => {
    expect(vectors.consistency.length).toBeGreaterThan(0);
    for (const v of vectors.consistency) {
      const ok = verifyConsistency(v.from, v.to, root(v.from), root(v.to), v.path.map(fromHex));
      expect({ ...v, ok }).toEqual({ ...v, ok: true });
    }
  });

  it('rejects a rewritten history: same sizes, one old leaf changed', () => {
    for (const v of vectors.consistency.filter((c) => c.from < c.to)) {
      const rewritten = leaves.slice(0, v.to);
      rewritten[v.from - 1] = leafOf(99);
      const rewrittenRoot = rootFromLeafHashes(rewritten);
      const honestProof = v.path.map(fromHex);
      const forgedProof = consistencyProof(rewritten, v.from, v.to);
      const verdicts = {
        honestProofRewrittenRoot: verifyConsistency(v.from, v.to, root(v.from), rewrittenRoot, honestProof),
        forgedProofRewrittenRoot: verifyConsistency(v.from, v.to, root(v.from), rewrittenRoot, forgedProof),
      };
      expect({ ...v, verdicts }).toEqual({ ...v, verdicts: { honestProofRewrittenRoot: false, forgedProofRewrittenRoot: false } });
    }
  });

  it('rejects a proof presented for other sizes', () => {
    for (const v of vectors.consistency.filter((c) => c.from < c.to && c.to < leaves.length)) {
      const path = v.path.map(fromHex);
      const verdicts = [
        verifyConsistency(v.from, v.to + 1, root(v.from), root(v.to + 1), path),
        v.from > 1 && verifyConsistency(v.from - 1, v.to, root(v.from - 1), root(v.to), path),
      ];
      expect({ ...v, verdicts }).toEqual({ ...v, verdicts: [false, false] });
    }
  });

  it('handles the trivial and truncated cases strictly', () => {
    expect(verifyConsistency(3, 3, root(3), root(3), [])).toBe(true);
    expect(verifyConsistency(3, 3, root(3), root(4), [])).toBe(false);
    expect(verifyConsistency(3, 3, root(3), root(3), [leaves[0]])).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_TREE_ROOT, root(5), [])).toBe(true);
    expect(verifyConsistency(0, 5, root(1), root(5), [])).toBe(false);
    expect(verifyConsistency(2, 5, root(2), root(5), [])).toBe(false);
    expect(verifyConsistency(5, 2, root(5), root(2), [])).toBe(false);
    // A prefix of the real proof for 1 -> 4 reaches root(2): right hashes, wrong size.
    expect(verifyConsistency(1, 4, root(1), root(2), [leaves[1]])).toBe(false);
  });
});
