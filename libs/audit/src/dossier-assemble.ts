import { compareDossierEntries, dossierSummary, partiesOf, type DossierStreamEntry, type LiabilityDossier } from './dossier';
import { signCoverage } from './dossier-coverage';
import { dossierStreams } from './dossier-streams';
import type { Ed25519SigningKey } from './ed25519-pem';

export interface ProvenEntry extends DossierStreamEntry {
  /** The inclusion path of the entry against `treeHead`, lowercase hex. */
  path: string[];
}

/**
 * A dossier from its proven entries (those of the streams `dossierScope`
 * covers): in time order with the party of each, the summary, and the same
 * entries per stream with each chain's head and findings, and the coverage
 * of those streams signed with the ledger's tree head key.
 */
export function assembleDossier(
  head: Pick<LiabilityDossier, 'prescriptionId' | 'treeHead' | 'publicKey'>,
  proven: readonly ProvenEntry[],
  ledgerKey: Ed25519SigningKey,
): LiabilityDossier {
  const sorted = [...proven].sort(compareDossierEntries);
  const parties = partiesOf(sorted.map((e) => e.entry));
  const entries = sorted.map((e, i) => ({
    index: e.index,
    entry: e.entry,
    leafHash: e.leafHash,
    proof: { leafIndex: e.index, treeSize: head.treeHead.treeSize, path: e.path },
    party: parties[i],
  }));
  const streams = dossierStreams(sorted);
  return { ...head, entries, summary: dossierSummary(entries), streams, coverage: signCoverage({ ...head, streams }, ledgerKey) };
}
