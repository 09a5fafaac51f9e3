import { canonicalBytes } from './audit-hash';
import type { DossierEntry } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';
import { fromHex, toHex } from './hex';
import { leafHash } from './merkle';
import { verifyInclusion } from './merkle-verify';

type Hash = ReturnType<typeof fromHex>;

export function safeHex(value: unknown): Hash | null {
  try {
    return fromHex(value as string);
  } catch {
    return null;
  }
}

/** Each entry's leaf hash, recomputed from its RFC 8785 bytes, and its inclusion proof against the signed root. */
export function entryProofFailures(item: DossierEntry, i: number, treeSize: number, root: Hash | null): DossierFailure[] {
  const where = `entries[${i}]`;
  if (typeof item !== 'object' || item === null || typeof item.entry !== 'object' || item.entry === null) return [entryFailure(where, item, 'no entry')];
  const failures: DossierFailure[] = [];
  const fail = (what: string) => failures.push(entryFailure(where, item, what));
  let leaf: Hash | null = null;
  try {
    leaf = leafHash(canonicalBytes(item.entry));
  } catch {
    fail('the entry cannot be canonicalised');
  }
  if (leaf && toHex(leaf) !== item.leafHash) fail('the entry does not hash to its leafHash (it was altered)');
  const proof = item.proof;
  if (proof?.leafIndex !== item.index) fail(`proof.leafIndex ${String(proof?.leafIndex)} is not the entry's index`);
  if (proof?.treeSize !== treeSize) fail(`proof.treeSize ${String(proof?.treeSize)} is not the tree head's ${treeSize}`);
  const path = Array.isArray(proof?.path) ? proof.path.map(safeHex) : null;
  const proven =
    leaf !== null && root !== null && path !== null && path.every((p): p is Hash => p !== null) && verifyInclusion(leaf, item.index, treeSize, path, root);
  if (!proven) fail('the inclusion proof does not lead from the entry to the signed root');
  return failures;
}
