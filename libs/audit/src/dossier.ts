import type { AuditEntry } from '@app/contracts';
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
