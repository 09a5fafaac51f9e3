import canonicalize from 'canonicalize';
import type { DossierEntry, DossierStream } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';
import { streamFindings, streamHeadHash } from './dossier-streams';

const REASONS = {
  PREV_HASH_MISMATCH: 'its prevHash is not the hash of the entry before it in the stream (genesis for the first): an entry was removed, added or reordered',
  STREAM_VERSION_REGRESSION: 'its streamVersion is lower than the entry before it in the stream',
  MALFORMED_ENTRY: 'not an entry object',
} as const;

const same = (a: unknown, b: unknown): boolean => canonicalize(a) !== undefined && canonicalize(a) === canonicalize(b);

/**
 * `streams` against `entries` and each stream's chain: every stream entry is
 * the entry of the same index in `entries` (so both were proven), each entry
 * is in exactly one stream (that of its subject), a stream is in ledger order
 * and its chain links from the genesis to its `headHash`, and the findings
 * served are the ones the chain shows.
 */
export function streamFailures(streams: unknown, entries: readonly DossierEntry[]): DossierFailure[] {
  if (!Array.isArray(streams)) return [{ message: 'streams: not a list of streams' }];
  const failures: DossierFailure[] = [];
  const byIndex = new Map(entries.map((item, i) => [item?.index, { item, i }]));
  const seen = new Map<unknown, string>();
  const subjects = new Set<unknown>();
  (streams as DossierStream[]).forEach((stream, k) => {
    const where = `streams[${k}] (${String(stream?.subject)})`;
    if (typeof stream?.subject !== 'string' || !Array.isArray(stream.entries) || stream.entries.length === 0) {
      failures.push({ message: `${where}: not a stream with a subject and entries` });
      return;
    }
    if (subjects.has(stream.subject)) failures.push({ message: `${where}: a second stream of the same subject` });
    subjects.add(stream.subject);
    stream.entries.forEach((item, j) => {
      const at = `${where}.entries[${j}]`;
      const listed = byIndex.get(item?.index);
      if (!listed || !same(listed.item.entry, item?.entry) || listed.item.leafHash !== item?.leafHash) {
        failures.push(entryFailure(at, item, 'is not the entry of that index in entries (the streams and the entries disagree)'));
      }
      if (item?.entry?.subject !== stream.subject) failures.push(entryFailure(at, item, `its subject is not the stream's ${stream.subject}`));
      if (j > 0 && !(item?.index > stream.entries[j - 1]?.index)) failures.push(entryFailure(at, item, 'is not after the entry before it in ledger order'));
      if (seen.has(item?.index)) failures.push(entryFailure(at, item, `is also in ${seen.get(item?.index)}`));
      seen.set(item?.index, where);
    });
    const findings = streamFindings(stream.entries);
    for (const finding of findings) {
      const j = stream.entries.findIndex((item) => item.index === finding.index);
      failures.push(entryFailure(`${where}.entries[${j}]`, stream.entries[j], `the chain breaks: ${REASONS[finding.reason]}`));
    }
    const last = stream.entries[stream.entries.length - 1];
    let head: string | null = null;
    try {
      head = streamHeadHash(stream.entries);
    } catch {
      // a malformed last entry is already a finding
    }
    if (head !== null && head !== stream.headHash) {
      failures.push(entryFailure(`${where}.entries[${stream.entries.length - 1}]`, last, 'the stream\'s headHash is not the hash of its last entry (an entry after it was removed, or one added)'));
    }
    if (!same(stream.findings, findings)) failures.push({ message: `${where}: findings are not the ones its chain shows` });
  });
  entries.forEach((item, i) => {
    if (!seen.has(item?.index)) failures.push(entryFailure(`entries[${i}]`, item, 'is in no stream of the dossier'));
  });
  return failures;
}
