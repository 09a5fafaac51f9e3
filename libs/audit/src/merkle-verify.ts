import { equalBytes } from './hex';
import { EMPTY_TREE_ROOT, nodeHash } from './merkle';

const HASH_BYTES = 32;
const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_BYTES;
const isSize = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const odd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/**
 * RFC 9162 section 2.1.3.2. Returns false rather than throwing on malformed
 * input: a verifier is fed untrusted dossiers. Arithmetic, not bit shifts, so
 * sizes past 2^31 work.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, treeSize: number, path: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!isHash(leaf) || !isHash(root) || !isSize(index) || !isSize(treeSize) || index >= treeSize) return false;
  if (!Array.isArray(path) || !path.every(isHash)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root);
}

/** RFC 9162 section 2.1.4.2, plus the trivial cases (equal sizes, empty old tree). */
export function verifyConsistency(from: number, to: number, rootFrom: Uint8Array, rootTo: Uint8Array, path: readonly Uint8Array[]): boolean {
  if (!isSize(from) || !isSize(to) || from > to || !isHash(rootFrom) || !isHash(rootTo)) return false;
  if (!Array.isArray(path) || !path.every(isHash)) return false;
  if (from === to) return path.length === 0 && equalBytes(rootFrom, rootTo);
  if (from === 0) return path.length === 0 && equalBytes(rootFrom, EMPTY_TREE_ROOT);
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(from) ? [rootFrom, ...path] : [...path];
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, rootFrom) && equalBytes(sr, rootTo);
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
