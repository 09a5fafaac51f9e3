import type { DossierEntry, DossierStream } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';
import { dossierScope } from './dossier-scope';

/**
 * The membership rule (`dossierScope`) applied to the dossier's own proven
 * entries: each entry's stream must be covered (an entry of another
 * prescription, even with a valid proof, is not), and every covered stream
 * must be there (a renewed prescription, a device, an attempt the entries name).
 */
export function membershipFailures(prescriptionId: string, entries: readonly DossierEntry[], streams: readonly DossierStream[]): DossierFailure[] {
  const failures: DossierFailure[] = [];
  const scope = dossierScope(prescriptionId, entries.map((item) => item.entry));
  entries.forEach((item, i) => {
    if (!scope.streams.has(item.entry.subject)) {
      failures.push(
        entryFailure(
          `entries[${i}]`,
          item,
          `does not belong to the dossier of prescription ${prescriptionId}: ${item.entry.subject} is neither its renewal chain, nor names one of them, nor is their device`,
        ),
      );
    }
  });
  const present = new Set(streams.map((stream) => stream.subject));
  for (const subject of scope.streams) {
    if (present.has(subject)) continue;
    const i = entries.findIndex((item) => item.entry.relatedSubjects?.includes(subject as DossierEntry['entry']['subject']));
    failures.push(
      i < 0
        ? { message: `the dossier holds no stream of ${subject}` }
        : entryFailure(`entries[${i}]`, entries[i], `names ${subject}, whose stream the dossier lacks`),
    );
  }
  return failures;
}
