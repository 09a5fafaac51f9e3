import { findTreeHead, type TreeHeadPageLoader } from './find-tree-head';
import type { SignedTreeHead } from './ledger-api';

describe('findTreeHead: the signed head of a size, from the newest-first pages', () => {
  // Heads of sizes 20, 18, ..., 2 (even sizes only), newest first.
  const heads: SignedTreeHead[] = Array.from({ length: 10 }, (_, i) => ({ treeSize: 20 - 2 * i, rootHash: '', timestamp: '', signature: '', keyId: '' }));
  const reads: number[] = [];
  const load: TreeHeadPageLoader = async (page, pageSize) => {
    reads.push(page);
    return { items: heads.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: heads.length };
  };
  beforeEach(() => reads.splice(0));

  it('reads pages until it finds the size, saying how far it got', async () => {
    const progress: string[] = [];
    const found = await findTreeHead(8, load, 3, (read, pages) => progress.push(`${read}/${pages}`));
    expect(found?.treeSize).toBe(8);
    expect(reads).toEqual([1, 2, 3]);
    expect(progress).toEqual(['1/4', '2/4', '3/4']);
  });

  it('stops once the sizes pass below the one sought, or at the last page', async () => {
    expect(await findTreeHead(15, load, 3)).toBeUndefined();
    expect(reads).toEqual([1, 2]);
    reads.splice(0);
    expect(await findTreeHead(1, load, 3)).toBeUndefined();
    expect(reads).toEqual([1, 2, 3, 4]);
  });

  it('answers at once for the newest head, and undefined for an empty list', async () => {
    expect((await findTreeHead(20, load, 3))?.treeSize).toBe(20);
    expect(reads).toEqual([1]);
    expect(await findTreeHead(3, async () => ({ items: [], page: 1, pageSize: 3, total: 0 }), 3)).toBeUndefined();
  });
});
