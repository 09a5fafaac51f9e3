import type { AuditEntry, DisclosureV1 } from '@app/contracts';
import type { Signer } from './seal';
import type { SignedTreeHead } from './tree-head';
import { overridesHomeCoverage, partyOf, type Party } from './responsibility';

/** One entry of a liability dossier, with its inclusion proof against the dossier's tree head. */
export interface DossierEntry {
  index: number;
  entry: AuditEntry;
  leafHash: string;
  proof: { leafIndex: number; treeSize: number; path: string[] };
  party: Party;
}

/** One entry of a stream as a dossier lists it: its chain position is its place in the list. */
export interface DossierStreamEntry {
  index: number;
  entry: AuditEntry;
  leafHash: string;
}

/**
 * Where a stream's chain breaks: PREV_HASH_MISMATCH (its first entry does not
 * start at the genesis, or an entry does not point at the one before it: an
 * entry was removed, added or reordered), STREAM_VERSION_REGRESSION, or
 * MALFORMED_ENTRY (not an entry object).
 */
export interface StreamFinding {
  index: number;
  entryId: string;
  reason: 'PREV_HASH_MISMATCH' | 'STREAM_VERSION_REGRESSION' | 'MALFORMED_ENTRY';
}

/** Every entry of one stream (one subject) from its genesis on, in chain order, up to the dossier's tree head. */
export interface DossierStream {
  subject: string;
  entries: DossierStreamEntry[];
  /** SHA-256 of the stream's last entry (its JCS bytes, seal included): where the chain stands. */
  headHash: string;
  findings: StreamFinding[];
}

/** Where one covered stream stood at the dossier's tree head, by the ledger's word. */
export interface CoveredStream {
  subject: string;
  entries: number;
  headIndex: number;
  headEntryId: string;
  headHash: string;
}

/**
 * The ledger's signed statement of which streams the dossier covers and where
 * each one's head stood. Proofs show that an entry is in the tree, never that
 * one is missing: without this, a stream's last entries or a whole stream
 * (a later renewal, which the earlier prescription's entries do not name)
 * could be dropped unseen.
 */
export interface DossierCoverage {
  streams: CoveredStream[];
  /** Ed25519 under the tree head's key over `coverageBytes`, lowercase hex. */
  signature: string;
}

export interface DossierSummaryItem {
  step: string;
  party: Party;
  actor: AuditEntry['actor'];
  at: string;
  decision: string;
  index: number;
}

/** `GET /v1/liability/prescriptions/:id` (API.md "Audit ledger"). */
export interface LiabilityDossier {
  prescriptionId: string;
  treeHead: SignedTreeHead;
  publicKey: { keyId: string; publicKeyPem: string };
  entries: DossierEntry[];
  summary: DossierSummaryItem[];
  /** Every stream the dossier covers, complete, so a missing, extra or reordered entry shows. */
  streams: DossierStream[];
  coverage: DossierCoverage;
  /** The ledger's signer registry when the dossier was built (API.md); a verifier should rather be given it apart (`--signers`). */
  signers?: Signer[];
  /**
   * The committed free texts of the entries with their salts, for the reader
   * allowed them (API.md): the gateway adds them from the services that keep
   * the texts. Not signed by the ledger: each proves itself against its
   * entry's commitment.
   */
  disclosures?: DisclosureV1[];
}

/** The party of each entry, given all the dossier's entries (an override earlier changes who answers for an incident). */
export function partiesOf(entries: readonly AuditEntry[]): Party[] {
  const context = { homeCoverageOverridden: overridesHomeCoverage(entries) };
  return entries.map((entry) => partyOf(entry, context));
}

/** One line per entry, in the dossier's order: which party decided each step. */
export function dossierSummary(entries: ReadonlyArray<Pick<DossierEntry, 'index' | 'entry' | 'party'>>): DossierSummaryItem[] {
  return entries.map(({ index, entry, party }) => ({
    step: entry.action,
    party,
    actor: entry.actor,
    at: entry.occurredAt,
    decision: entry.decision,
    index,
  }));
}

/** Time order: when it happened, then ledger order. */
export function compareDossierEntries(a: Pick<DossierEntry, 'index' | 'entry'>, b: Pick<DossierEntry, 'index' | 'entry'>): number {
  if (a.entry.occurredAt !== b.entry.occurredAt) return a.entry.occurredAt < b.entry.occurredAt ? -1 : 1;
  return a.index - b.index;
}
