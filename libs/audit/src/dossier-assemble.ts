import { compareDossierEntries, dossierSummary, partiesOf, type DossierStreamEntry, type LiabilityDossier } from './dossier';
import { dossierStreams } from './dossier-streams';

export interface ProvenEntry extends DossierStreamEntry {
  /** The inclusion path of the entry against `treeHead`, lowercase hex. */
  path: string[];
}

/**
 * A dossier from its proven entries (those of the streams `dossierScope`
 * covers): in time order with the party of each, the summary, and the same
 * entries per stream with each chain's head and findings.
 */
export function assembleDossier(
  head: Pick<LiabilityDossier, 'prescriptionId' | 'treeHead' | 'publicKey'>,
  proven: readonly ProvenEntry[],
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
  return { ...head, entries, summary: dossierSummary(entries), streams: dossierStreams(sorted) };
}
