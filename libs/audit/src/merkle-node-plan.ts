import { largestPowerOfTwoBelow } from './merkle';

/** A stored perfect subtree: level L, index i covers leaves [i * 2^L, (i + 1) * 2^L). Level 0 holds the leaf hashes. */
export interface NodeRef {
  level: number;
  index: number;
}

/**
 * The perfect subtrees whose right fold is MTH(D[start:end]): the binary
 * decomposition of the size, largest first. Every range RFC 9162's recursion
 * asks for is aligned this way, so each piece is a node the ledger stored
 * once and never rewrites.
 */
export function subtreeRefs(start: number, end: number): NodeRef[] {
  const refs: NodeRef[] = [];
  let pos = start;
  while (pos < end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= end - pos) {
      size *= 2;
      level += 1;
    }
    if (pos % size !== 0) throw new RangeError(`range [${start}, ${end}) is not aligned on stored subtrees`);
    refs.push({ level, index: pos / size });
    pos += size;
  }
  return refs;
}

/** Which nodes make the root of a tree of treeSize leaves (empty for the empty tree). */
export function rootPlan(treeSize: number): NodeRef[] {
  assertSize(treeSize);
  return subtreeRefs(0, treeSize);
}

/** One entry per path element (leaf side first), each a list of nodes to fold. */
export function inclusionProofPlan(index: number, treeSize: number): NodeRef[][] {
  assertSize(treeSize);
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) throw new RangeError('leaf index outside the tree');
  let m = index;
  let start = 0;
  let end = treeSize;
  const upward: NodeRef[][] = [];
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m < k) {
      upward.push(subtreeRefs(start + k, end));
      end = start + k;
    } else {
      upward.push(subtreeRefs(start, start + k));
      m -= k;
      start += k;
    }
  }
  // The descent meets the root's children first; the proof lists the leaf's sibling first.
  return upward.reverse();
}

/** Same as inclusionProofPlan, for PROOF(from, D[to]) of RFC 9162 section 2.1.4.1. */
export function consistencyProofPlan(from: number, to: number): NodeRef[][] {
  assertSize(to);
  if (!Number.isSafeInteger(from) || from < 0 || from > to) throw new RangeError('from must be an integer in [0, to]');
  if (from === 0) return [];
  const upward: NodeRef[][] = [];
  let m = from;
  let start = 0;
  let end = to;
  let complete = true;
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      upward.push(subtreeRefs(start + k, end));
      end = start + k;
    } else {
      upward.push(subtreeRefs(start, start + k));
      m -= k;
      start += k;
      complete = false;
    }
  }
  if (!complete) upward.push(subtreeRefs(start, end));
  return upward.reverse();
}

function assertSize(treeSize: number): void {
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new RangeError('treeSize must be a non-negative integer');
}
