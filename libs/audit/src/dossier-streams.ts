import type { AuditEntry } from '@app/contracts';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash';
import type { DossierStream, DossierStreamEntry, StreamFinding } from './dossier';

const isEntry = (entry: unknown): entry is AuditEntry => typeof entry === 'object' && entry !== null && !Array.isArray(entry);

/**
 * Every break of one stream's chain from its genesis, in chain order. Unlike
 * `verifyChain`, which stops at the first, it goes on from each entry's own
 * hash, so a dossier shows every break of a stream once (as the ledger
 * records them). Never throws: entries may come from an untrusted dossier.
 */
export function streamFindings(entries: readonly Pick<DossierStreamEntry, 'index' | 'entry'>[]): StreamFinding[] {
  const findings: StreamFinding[] = [];
  let prevHash = GENESIS_HASH;
  let prevVersion = -Infinity;
  for (const { index, entry } of entries) {
    const finding = (reason: StreamFinding['reason']) => findings.push({ index, entryId: String((entry as Partial<AuditEntry>)?.id ?? ''), reason });
    let hash: string;
    try {
      if (!isEntry(entry)) throw new TypeError('not an entry');
      hash = hashAuditEntry(entry);
    } catch {
      finding('MALFORMED_ENTRY');
      continue;
    }
    if (entry.prevHash !== prevHash) finding('PREV_HASH_MISMATCH');
    else if (!(entry.streamVersion >= prevVersion)) finding('STREAM_VERSION_REGRESSION');
    prevHash = hash;
    prevVersion = entry.streamVersion;
  }
  return findings;
}

/** The hash the next entry of the stream must point at: its last entry's, or the genesis for an empty stream. */
export function streamHeadHash(entries: readonly Pick<DossierStreamEntry, 'entry'>[]): string {
  return entries.length === 0 ? GENESIS_HASH : hashAuditEntry(entries[entries.length - 1].entry);
}

/** Groups a dossier's entries into their streams (one per subject), each in ledger order, with its head and findings. */
export function dossierStreams(entries: readonly DossierStreamEntry[]): DossierStream[] {
  const bySubject = new Map<string, DossierStreamEntry[]>();
  for (const item of [...entries].sort((a, b) => a.index - b.index)) {
    const stream = bySubject.get(item.entry.subject) ?? [];
    stream.push({ index: item.index, entry: item.entry, leafHash: item.leafHash });
    bySubject.set(item.entry.subject, stream);
  }
  return [...bySubject].map(([subject, stream]) => ({ subject, entries: stream, headHash: streamHeadHash(stream), findings: streamFindings(stream) }));
}
