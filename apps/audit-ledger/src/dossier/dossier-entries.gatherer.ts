import { dossierScope } from '@app/audit';
import { entriesNaming, entriesOfSubjects, type LedgerEntryView } from '../store/entry.store';
import type { Queryable } from '../store/queryable';

/**
 * Every ledger entry below `treeSize` of the streams a prescription's dossier
 * covers. The membership rule (`dossierScope`) is applied to what was read so
 * far until it names nothing new: the entries naming each prescription of the
 * renewal chain (which find the renewals, attempts, enrolments and claims),
 * then every covered stream whole from its genesis (its own subject). Each
 * round is one query per kind of look-up; a chain of n renewals takes n rounds.
 */
export async function gatherDossierEntries(db: Queryable, prescriptionId: string, treeSize: number): Promise<LedgerEntryView[]> {
  const byIndex = new Map<number, LedgerEntryView>();
  const named = new Set<string>();
  const whole = new Set<string>();
  for (;;) {
    const scope = dossierScope(prescriptionId, [...byIndex.values()].map((e) => e.entry));
    const toName = [...scope.prescriptions].filter((ref) => !named.has(ref));
    const toRead = [...scope.streams].filter((ref) => !whole.has(ref));
    if (toName.length === 0 && toRead.length === 0) {
      return [...byIndex.values()].filter((e) => scope.streams.has(e.entry.subject));
    }
    toName.forEach((ref) => named.add(ref));
    toRead.forEach((ref) => whole.add(ref));
    // One connection holds the snapshot, so the two look-ups run one after the other.
    for (const e of await entriesNaming(db, toName, treeSize)) byIndex.set(e.index, e);
    for (const e of await entriesOfSubjects(db, toRead, treeSize)) byIndex.set(e.index, e);
  }
}
