import type { CoveredStream, DossierStream, LiabilityDossier } from './dossier';
import { coveredStreams, verifyCoverageSignature } from './dossier-coverage';
import type { DossierFailure } from './dossier-failure';

const named = (stream: CoveredStream) => ({ entry: { index: stream.headIndex, entryId: stream.headEntryId } });

/**
 * The streams against the ledger's signed coverage: the same streams, each up
 * to the same head. A stream or a stream's head that the ledger signed and
 * the dossier lacks names that head entry.
 */
export function coverageFailures(publicKeyPem: string, dossier: Partial<LiabilityDossier>, streams: readonly DossierStream[]): DossierFailure[] {
  const coverage = dossier.coverage;
  if (!verifyCoverageSignature(publicKeyPem, dossier as LiabilityDossier, coverage)) {
    return [{ message: 'coverage: the ledger\'s signature over the covered streams and their heads does not verify with the given public key' }];
  }
  const failures: DossierFailure[] = [];
  const served = new Map(coveredStreams(streams).map((s) => [s.subject, s]));
  const signed = new Set(coverage!.streams.map((s) => s.subject));
  for (const stream of coverage!.streams) {
    const here = served.get(stream.subject);
    if (!here) {
      failures.push({ message: `coverage: the ledger covered ${stream.subject} up to index ${stream.headIndex} (id ${stream.headEntryId}); the dossier lacks that stream`, ...named(stream) });
    } else if (here.headIndex !== stream.headIndex || here.headHash !== stream.headHash || here.entries !== stream.entries) {
      failures.push({
        message: `coverage: the ledger covered ${stream.subject} up to index ${stream.headIndex} (id ${stream.headEntryId}), ${stream.entries} entries; the dossier's stream ends at index ${here.headIndex} with ${here.entries}`,
        ...named(stream),
      });
    }
  }
  for (const [subject, here] of served) {
    if (!signed.has(subject)) failures.push({ message: `coverage: the ledger did not cover ${subject}, which the dossier adds`, ...named(here) });
  }
  return failures;
}
