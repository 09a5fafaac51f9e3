import { canonicalJson } from '@app/audit/audit-hash';
import { toHex } from '@app/audit/hex';
import { leafHash } from '@app/audit/merkle';
import { verifyInclusion } from '@app/audit/merkle-verify';
import { checkEntrySeal, type SealCheck, type Signer } from '@app/audit/seal';
import type { InclusionProofView, LedgerEntryView, LedgerPublicKey, SignedTreeHead } from './ledger-api';
import { hashBytes, pathBytes } from './hash-bytes';
import { treeHeadReport } from './tree-head-report';

/** libs/audit's entry type, which the console mirrors as LedgerEntry (API.md's fields). */
type SealedEntry = Parameters<typeof checkEntrySeal>[0];

/** What the browser found about one ledger entry: its seal, its leaf, its inclusion under the signed head. */
export interface EntryReport {
  seal: SealCheck;
  /** The RFC 8785 text of the entry as the browser canonicalised it: the leaf's bytes. */
  leafText: string;
  leaf: { computed: string; served: string; matches: boolean };
  inclusion: {
    treeSize: number;
    /** The head the proof is checked against verifies under the ledger key. */
    headSigned: boolean;
    /** The proof names this entry's index and the head's size. */
    proofForEntry: boolean;
    /** RFC 9162 2.1.3.2 from the recomputed leaf (never the served one) to the signed root. */
    proofValid: boolean;
    verified: boolean;
  };
  verified: boolean;
}

/**
 * One entry checked with libs/audit, trusting none of the server's claims:
 * the seal against the signer registry (a key of the entry's own service,
 * valid at its occurredAt), the leaf hash recomputed from the entry's JCS
 * bytes, and the inclusion proof walked from that leaf to the signed root.
 */
export function entryReport(view: LedgerEntryView, signers: readonly Signer[], proof: InclusionProofView, head: SignedTreeHead, key: LedgerPublicKey): EntryReport {
  const seal = checkEntrySeal(view.entry as unknown as SealedEntry, signers);
  const leafText = canonicalJson(view.entry);
  const leaf = leafHash(new TextEncoder().encode(leafText));
  const computed = toHex(leaf);
  const headSigned = treeHeadReport(head, key).verified;
  const proofForEntry = proof.leafIndex === view.index && proof.treeSize === head.treeSize;
  const root = hashBytes(head.rootHash);
  const path = pathBytes(proof.path);
  const proofValid = root !== null && path !== null && verifyInclusion(leaf, view.index, head.treeSize, path, root);
  const inclusion = { treeSize: head.treeSize, headSigned, proofForEntry, proofValid, verified: headSigned && proofForEntry && proofValid };
  const matches = computed === view.leafHash;
  return { seal, leafText, leaf: { computed, served: view.leafHash, matches }, inclusion, verified: seal.ok && matches && inclusion.verified };
}

/** An entry the signed head does not cover yet (appended after it): its proof is asked for once a newer head is signed. */
export const coveredByHead = (entry: Pick<LedgerEntryView, 'index'>, head: Pick<SignedTreeHead, 'treeSize'>): boolean => entry.index < head.treeSize;

