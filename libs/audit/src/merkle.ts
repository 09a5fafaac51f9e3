import { createHash } from 'node:crypto';
import type { AuditEntry } from '@app/contracts';
import { canonicalBytes } from './audit-hash';

/** RFC 9162 section 2.1 domain separation: a leaf can never pass for a node. */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT: Buffer = createHash('sha256').digest();

export function leafHash(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The ledger's leaf: the entry's RFC 8785 bytes (API.md "Audit ledger"). */
export function auditLeafHash(entry: AuditEntry): Buffer {
  return leafHash(canonicalBytes(entry));
}

/** k of RFC 9162: the largest power of two smaller than n (n > 1). Arithmetic, not bit shifts: sizes may pass 2^31. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[start:end]) straight from the RFC's recursive definition. */
function subtreeRoot(leafHashes: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return leafHashes[start];
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtreeRoot(leafHashes, start, start + k), subtreeRoot(leafHashes, start + k, end));
}

export function rootFromLeafHashes(leafHashes: readonly Buffer[], treeSize = leafHashes.length): Buffer {
  assertSize(treeSize, leafHashes.length, 'treeSize');
  return subtreeRoot(leafHashes, 0, treeSize);
}

/** PATH(m, D[n]) of RFC 9162 section 2.1.3.1, leaf side first. */
export function inclusionProof(leafHashes: readonly Buffer[], index: number, treeSize: number): Buffer[] {
  assertSize(treeSize, leafHashes.length, 'treeSize');
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) throw new RangeError('leaf index outside the tree');
  const path = (m: number, start: number, end: number): Buffer[] => {
    if (end - start <= 1) return [];
    const k = largestPowerOfTwoBelow(end - start);
    return m < k
      ? [...path(m, start, start + k), subtreeRoot(leafHashes, start + k, end)]
      : [...path(m - k, start + k, end), subtreeRoot(leafHashes, start, start + k)];
  };
  return path(index, 0, treeSize);
}

/** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1; empty when from is 0 or equals to. */
export function consistencyProof(leafHashes: readonly Buffer[], from: number, to: number): Buffer[] {
  assertSize(to, leafHashes.length, 'to');
  assertSize(from, to, 'from');
  if (from === 0) return [];
  const subproof = (m: number, start: number, end: number, complete: boolean): Buffer[] => {
    const n = end - start;
    if (m === n) return complete ? [] : [subtreeRoot(leafHashes, start, end)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k
      ? [...subproof(m, start, start + k, complete), subtreeRoot(leafHashes, start + k, end)]
      : [...subproof(m - k, start + k, end, false), subtreeRoot(leafHashes, start, start + k)];
  };
  return subproof(from, 0, to, true);
}

function assertSize(size: number, max: number, name: string): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > max) throw new RangeError(`${name} must be an integer in [0, ${max}]`);
}
