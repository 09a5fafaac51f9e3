import { canonicalBytes, canonicalJson } from './audit-hash';
import { compareDossierEntries, dossierSummary, partiesOf, type DossierEntry, type LiabilityDossier } from './dossier';
import { fromHex, toHex } from './hex';
import { leafHash } from './merkle';
import { verifyInclusion } from './merkle-verify';
import { keyIdOf, verifyTreeHead } from './tree-head';

export interface DossierVerification {
  ok: boolean;
  /** Every problem found, each naming where: an empty list means every check passed. */
  failures: string[];
  entriesChecked: number;
}

/**
 * Checks a dossier with nothing but the trusted public key: the tree head's
 * signature, each entry's leaf hash (recomputed from its RFC 8785 bytes), each
 * inclusion proof against the signed root, the time order, and the parties and
 * summary (recomputed, so they cannot be edited either). Never throws: the
 * input is untrusted.
 */
export function verifyDossier(input: unknown, trustedPublicKeyPem: string): DossierVerification {
  const failures: string[] = [];
  const dossier = input as Partial<LiabilityDossier> | null;
  let trustedKeyId: string;
  try {
    trustedKeyId = keyIdOf(trustedPublicKeyPem);
  } catch {
    return { ok: false, failures: ['the given public key is not a valid PEM public key'], entriesChecked: 0 };
  }
  if (typeof dossier !== 'object' || dossier === null || !Array.isArray(dossier.entries) || typeof dossier.treeHead !== 'object') {
    return { ok: false, failures: ['not a liability dossier (no treeHead or entries)'], entriesChecked: 0 };
  }
  const head = dossier.treeHead!;
  if (dossier.publicKey?.keyId !== trustedKeyId) failures.push(`publicKey.keyId ${String(dossier.publicKey?.keyId)} is not the given key's ${trustedKeyId}`);
  if (head.keyId !== trustedKeyId) failures.push(`treeHead.keyId ${String(head.keyId)} is not the given key's ${trustedKeyId}`);
  if (!verifyTreeHead(trustedPublicKeyPem, head)) failures.push('treeHead: the signature does not verify with the given public key');
  const root = safeHex(head.rootHash);
  const entries = dossier.entries as DossierEntry[];
  entries.forEach((item, i) => failures.push(...entryFailures(item, i, dossier.prescriptionId, head.treeSize, root)));
  if (failures.length === 0) failures.push(...orderAndPartyFailures(entries, dossier.summary));
  return { ok: failures.length === 0, failures, entriesChecked: entries.length };
}

function entryFailures(item: DossierEntry, i: number, prescriptionId: unknown, treeSize: number, root: Uint8Array | null): string[] {
  const where = `entries[${i}] (index ${String(item?.index)}, id ${String(item?.entry?.id)})`;
  if (typeof item !== 'object' || item === null || typeof item.entry !== 'object' || item.entry === null) return [`${where}: no entry`];
  const failures: string[] = [];
  let leaf: Uint8Array | null = null;
  try {
    leaf = leafHash(canonicalBytes(item.entry));
  } catch {
    failures.push(`${where}: the entry cannot be canonicalised`);
  }
  if (leaf && toHex(leaf) !== item.leafHash) failures.push(`${where}: the entry does not hash to its leafHash (it was altered)`);
  const proof = item.proof;
  if (proof?.leafIndex !== item.index) failures.push(`${where}: proof.leafIndex ${String(proof?.leafIndex)} is not the entry's index`);
  if (proof?.treeSize !== treeSize) failures.push(`${where}: proof.treeSize ${String(proof?.treeSize)} is not the tree head's ${treeSize}`);
  const path = Array.isArray(proof?.path) ? proof.path.map(safeHex) : null;
  const proven =
    leaf !== null && root !== null && path !== null && path.every((p): p is Uint8Array => p !== null) &&
    verifyInclusion(leaf, item.index, treeSize, path, root);
  if (!proven) failures.push(`${where}: the inclusion proof does not lead from the entry to the signed root`);
  const refs = [item.entry.subject, ...(Array.isArray(item.entry.relatedSubjects) ? item.entry.relatedSubjects : [])];
  if (typeof prescriptionId !== 'string' || (!refs.includes(`prescription:${prescriptionId}`) && !refs.some(isAttemptOrDevice))) {
    failures.push(`${where}: the entry concerns neither prescription ${String(prescriptionId)} nor one of its attempts or devices`);
  }
  return failures;
}

/** Checked once every entry is proven: parties and summary are recomputed from the proven entries. */
function orderAndPartyFailures(entries: DossierEntry[], summary: unknown): string[] {
  const failures: string[] = [];
  entries.slice(1).forEach((item, i) => {
    if (compareDossierEntries(entries[i], item) >= 0) failures.push(`entries[${i + 1}] is not after entries[${i}] in time order`);
  });
  const parties = partiesOf(entries.map((item) => item.entry));
  entries.forEach((item, i) => {
    if (item.party !== parties[i]) failures.push(`entries[${i}].party is ${String(item.party)}, but the entries make it ${parties[i]}`);
  });
  const expected = dossierSummary(entries.map((item, i) => ({ ...item, party: parties[i] })));
  if (!Array.isArray(summary) || summary.length !== expected.length) {
    failures.push(`summary: expected ${expected.length} items, one per entry`);
  } else {
    expected.forEach((line, i) => {
      if (!sameJson(summary[i], line)) failures.push(`summary[${i}] does not match entries[${i}]`);
    });
  }
  return failures;
}

const isAttemptOrDevice = (ref: unknown): boolean => typeof ref === 'string' && /^(attempt|device):/.test(ref);

function safeHex(value: unknown): Uint8Array | null {
  try {
    return fromHex(value as string);
  } catch {
    return null;
  }
}

/** Equal as JSON data: the summary is JSON, so its canonical form decides. */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}
