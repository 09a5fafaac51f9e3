import { sha256 } from '@noble/hashes/sha2.js';
import type { AuditEntry } from '@app/contracts';
import { canonicalBytes } from './audit-hash';

/** RFC 9162 section 2.1 domain separation: a leaf can never pass for a node. */
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT: Uint8Array = sha256(new Uint8Array(0));

export function leafHash(bytes: Uint8Array): Uint8Array {
  return sha256.create().update(Uint8Array.of(LEAF_PREFIX)).update(bytes).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256.create().update(Uint8Array.of(NODE_PREFIX)).update(left).update(right).digest();
}

/** The ledger's leaf: the entry's RFC 8785 bytes (API.md "Audit ledger"). */
export function auditLeafHash(entry: AuditEntry): Uint8Array {
  return leafHash(canonicalBytes(entry));
}

/** k of RFC 9162: the largest power of two smaller than n (n > 1). Arithmetic, not bit shifts: sizes may pass 2^31. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[start:end]) straight from the RFC's recursive definition. */
function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return leafHashes[start];
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtreeRoot(leafHashes, start, start + k), subtreeRoot(leafHashes, start + k, end));
}

export function rootFromLeafHashes(leafHashes: readonly Uint8Array[], treeSize = leafHashes.length): Uint8Array {
  assertSize(treeSize, leafHashes.length, 'treeSize');
  return subtreeRoot(leafHashes, 0, treeSize);
}

/** PATH(m, D[n]) of RFC 9162 section 2.1.3.1, leaf side first. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number, treeSize: number): Uint8Array[] {
  assertSize(treeSize, leafHashes.length, 'treeSize');
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) throw new RangeError('leaf index outside the tree');
  const path = (m: number, start: number, end: number): Uint8Array[] => {
    if (end - start <= 1) return [];
    const k = largestPowerOfTwoBelow(end - start);
    return m < k
      ? [...path(m, start, start + k), subtreeRoot(leafHashes, start + k, end)]
      : [...path(m - k, start + k, end), subtreeRoot(leafHashes, start, start + k)];
  };
  return path(index, 0, treeSize);
}

/** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1; empty when from is 0 or equals to. */
export function consistencyProof(leafHashes: readonly Uint8Array[], from: number, to: number): Uint8Array[] {
  assertSize(to, leafHashes.length, 'to');
  assertSize(from, to, 'from');
  if (from === 0) return [];
  const subproof = (m: number, start: number, end: number, complete: boolean): Uint8Array[] => {
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
