import type { DossierEntry } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';
import { checkEntrySeal, type Signer } from './seal';

/** Which signer registry the seals were checked against, and the keys that sealed the dossier's entries. */
export interface SealReport {
  /** `given`: the caller's registry (`--signers`); `dossier`: the keys the dossier brings itself, which prove less; `none`: neither. */
  source: 'given' | 'dossier' | 'none';
  trusted: Array<{ service: string; keyId: string; entries: number }>;
}

/** Every entry's seal under a signer of its `service` valid at its `occurredAt` (`checkEntrySeal`). */
export function sealFailures(entries: readonly DossierEntry[], signers: readonly Signer[], source: SealReport['source']): { failures: DossierFailure[]; report: SealReport } {
  const failures: DossierFailure[] = [];
  const used = new Map<Signer, number>();
  entries.forEach((item, i) => {
    const check = checkEntrySeal(item.entry, signers);
    if (check.ok) used.set(check.signer, (used.get(check.signer) ?? 0) + 1);
    else failures.push(entryFailure(`entries[${i}]`, item, `seal: ${check.reason}: ${check.message}${source === 'none' ? ' (no --signers given and the dossier brings none)' : ''}`));
  });
  const trusted = [...used].map(([signer, count]) => ({ service: signer.service, keyId: signer.keyId, entries: count }));
  return { failures, report: { source, trusted } };
}
