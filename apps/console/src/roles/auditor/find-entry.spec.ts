import { findEntry, type EntryPageLoader } from './find-entry';
import type { LedgerEntryView } from './ledger-api';

describe('findEntry: one index among a subject’s entries, in ledger order', () => {
  const views = [2, 5, 9, 14, 20].map((index) => ({ index }) as LedgerEntryView);
  const reads: number[] = [];
  const load: EntryPageLoader = async (page, pageSize) => {
    reads.push(page);
    return { items: views.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: views.length };
  };
  beforeEach(() => reads.splice(0));

  it('reads pages until the index', async () => {
    expect((await findEntry(14, load, 2))?.index).toBe(14);
    expect(reads).toEqual([1, 2]);
  });

  it('stops once the indexes pass it, or at the end', async () => {
    expect(await findEntry(6, load, 2)).toBeUndefined();
    expect(reads).toEqual([1, 2]);
    reads.splice(0);
    expect(await findEntry(99, load, 2)).toBeUndefined();
    expect(reads).toEqual([1, 2, 3]);
  });
});
