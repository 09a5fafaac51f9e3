import type { AuditEntry } from '@app/contracts';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash';
import { dossierStreams, streamFindings } from './dossier-streams';

const entry = (id: string, subject: string, prevHash: string, streamVersion: number): AuditEntry =>
  ({ id, subject, prevHash, streamVersion, relatedSubjects: [] }) as unknown as AuditEntry;

describe('dossier streams', () => {
  const a1 = entry('a1', 'device:a', GENESIS_HASH, 1);
  const a2 = entry('a2', 'device:a', hashAuditEntry(a1), 2);
  const a3 = entry('a3', 'device:a', hashAuditEntry(a2), 3);
  const b1 = entry('b1', 'prescription:b', GENESIS_HASH, 1);

  it('groups entries by subject in ledger order, each with its head hash and no finding when whole', () => {
    const streams = dossierStreams([b1, a3, a1, a2].map((e, i) => ({ index: [1, 5, 0, 3][i], entry: e, leafHash: `l${i}` })));
    expect(streams.map((s) => [s.subject, s.entries.map((e) => e.entry.id), s.headHash, s.findings])).toEqual([
      ['device:a', ['a1', 'a2', 'a3'], hashAuditEntry(a3), []],
      ['prescription:b', ['b1'], hashAuditEntry(b1), []],
    ]);
  });

  it('names every break once: a stream not starting at the genesis, a removed entry, a version going back, a non-entry', () => {
    expect(streamFindings([{ index: 3, entry: a2 }])).toEqual([{ index: 3, entryId: 'a2', reason: 'PREV_HASH_MISMATCH' }]);
    expect(streamFindings([{ index: 0, entry: a1 }, { index: 5, entry: a3 }])).toEqual([{ index: 5, entryId: 'a3', reason: 'PREV_HASH_MISMATCH' }]);
    const back = entry('a2', 'device:a', hashAuditEntry(a1), 0);
    expect(streamFindings([{ index: 0, entry: a1 }, { index: 3, entry: back }])).toEqual([{ index: 3, entryId: 'a2', reason: 'STREAM_VERSION_REGRESSION' }]);
    expect(streamFindings([{ index: 0, entry: null as never }, { index: 1, entry: a1 }])).toEqual([{ index: 0, entryId: '', reason: 'MALFORMED_ENTRY' }]);
  });
});
