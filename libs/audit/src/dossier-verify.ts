import type { DossierEntry, LiabilityDossier } from './dossier';
import type { DossierFailure } from './dossier-failure';
import { coverageFailures } from './dossier-verify-coverage';
import { disclosureFailures, type TextReport } from './dossier-verify-disclosures';
import { entryProofFailures, safeHex } from './dossier-verify-entries';
import { membershipFailures } from './dossier-verify-membership';
import { orderAndPartyFailures } from './dossier-verify-order';
import { sealFailures, type SealReport } from './dossier-verify-seals';
import { streamFailures } from './dossier-verify-streams';
import type { Signer } from './seal';
import { keyIdOf, verifyTreeHead } from './tree-head';

export interface DossierVerifyOptions {
  /** The ledger's signer registry (`GET /v1/ledger/signers`) obtained apart from the dossier; else the dossier's own `signers` are used, and the report says so. */
  signers?: readonly Signer[];
}

export interface DossierVerification {
  ok: boolean;
  /** Every problem found, each naming where, the first first: an empty list means every check passed. */
  failures: string[];
  /** The first entry at fault, when a failure names one: its ledger index, id, and what failed. */
  failedEntry?: { index: number; entryId: string; failure: string };
  entriesChecked: number;
  streamsChecked: number;
  /** Present once the seals were checked (every entry proven): against which registry, and which keys sealed the entries. */
  seals?: SealReport;
  /** Present when the dossier carries disclosures and every other check passed: texts checked, erased (unchecked) and not disclosed. */
  texts?: TextReport;
}

/**
 * Checks a dossier with nothing but the trusted public key (and, better, the
 * signer registry), in this order, each step only once the ones before hold:
 * the tree head's signature; each entry's leaf hash (recomputed from its
 * RFC 8785 bytes) and inclusion proof against the signed root; each entry's
 * seal under a signer of its service (the given registry, else the dossier's
 * own); that `streams` and `entries` agree and each stream's chain links from
 * its genesis to its head; that every entry belongs to the prescription
 * (`dossierScope`) and every stream the entries call for is there; that the
 * streams and heads are those the ledger signed (`coverage`: no stream or
 * tail left out); then the time order, the parties and the summary
 * (recomputed, so they cannot be edited either); last, each disclosed text
 * against its entry's commitment (an erased one counted as unchecked, not
 * failed). Never throws: the input is untrusted.
 */
export function verifyDossier(input: unknown, trustedPublicKeyPem: string, options: DossierVerifyOptions = {}): DossierVerification {
  const dossier = input as Partial<LiabilityDossier> | null;
  let trustedKeyId: string;
  try {
    trustedKeyId = keyIdOf(trustedPublicKeyPem);
  } catch {
    return result([{ message: 'the given public key is not a valid PEM public key' }], 0, 0);
  }
  if (typeof dossier !== 'object' || dossier === null || !Array.isArray(dossier.entries) || typeof dossier.treeHead !== 'object' || dossier.treeHead === null) {
    return result([{ message: 'not a liability dossier (no treeHead or entries)' }], 0, 0);
  }
  const head = dossier.treeHead;
  const entries = dossier.entries as DossierEntry[];
  const streams = Array.isArray(dossier.streams) ? dossier.streams : [];
  const failures: DossierFailure[] = [];
  if (dossier.publicKey?.keyId !== trustedKeyId) failures.push({ message: `publicKey.keyId ${String(dossier.publicKey?.keyId)} is not the given key's ${trustedKeyId}` });
  if (head.keyId !== trustedKeyId) failures.push({ message: `treeHead.keyId ${String(head.keyId)} is not the given key's ${trustedKeyId}` });
  if (!verifyTreeHead(trustedPublicKeyPem, head)) failures.push({ message: 'treeHead: the signature does not verify with the given public key' });
  const root = safeHex(head.rootHash);
  entries.forEach((item, i) => failures.push(...entryProofFailures(item, i, head.treeSize, root)));
  // What follows reads the entries' fields: only once each is known to be a proven ledger entry.
  let seals: SealReport | undefined;
  if (failures.length === 0) {
    const checked = sealFailures(entries, ...signersOf(options.signers, dossier.signers));
    failures.push(...checked.failures);
    seals = checked.report;
  }
  if (failures.length === 0) failures.push(...streamFailures(dossier.streams, entries));
  if (failures.length === 0) failures.push(...membershipFailures(String(dossier.prescriptionId), entries, streams));
  if (failures.length === 0) failures.push(...coverageFailures(trustedPublicKeyPem, dossier, streams));
  if (failures.length === 0) failures.push(...orderAndPartyFailures(entries, dossier.summary));
  let texts: TextReport | undefined;
  if (failures.length === 0 && dossier.disclosures !== undefined) {
    const checked = disclosureFailures(dossier.disclosures, entries);
    failures.push(...checked.failures);
    texts = checked.report;
  }
  return { ...result(failures, entries.length, streams.length), ...(seals ? { seals } : {}), ...(texts ? { texts } : {}) };
}

function signersOf(given: readonly Signer[] | undefined, brought: unknown): [readonly Signer[], SealReport['source']] {
  if (given) return [given, 'given'];
  return Array.isArray(brought) ? [brought as Signer[], 'dossier'] : [[], 'none'];
}

function result(failures: DossierFailure[], entriesChecked: number, streamsChecked: number): DossierVerification {
  const named = failures.find((failure) => failure.entry);
  return {
    ok: failures.length === 0,
    failures: failures.map((failure) => failure.message),
    ...(named?.entry ? { failedEntry: { ...named.entry, failure: named.message } } : {}),
    entriesChecked,
    streamsChecked,
  };
}
