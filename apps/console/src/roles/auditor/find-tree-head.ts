import type { Paged } from '../../api/api-client';
import type { SignedTreeHead } from './ledger-api';

export type TreeHeadPageLoader = (page: number, pageSize: number) => Promise<Paged<SignedTreeHead>>;

/**
 * The signed head of one tree size, looked up in `GET /v1/ledger/tree-heads`
 * (newest, that is largest, first): pages are read until the sizes pass
 * below the one sought. Undefined when no head of that size was signed.
 * `onProgress` says how many pages of how many were read (long work shows it).
 */
export async function findTreeHead(
  size: number,
  load: TreeHeadPageLoader,
  pageSize: number,
  onProgress: (read: number, pages: number) => void = () => undefined,
): Promise<SignedTreeHead | undefined> {
  for (let page = 1; ; page += 1) {
    const answer = await load(page, pageSize);
    const pages = Math.max(1, Math.ceil(answer.total / pageSize));
    onProgress(page, pages);
    const found = answer.items.find((head) => head.treeSize === size);
    if (found) return found;
    const smallest = answer.items[answer.items.length - 1];
    if (!smallest || smallest.treeSize < size || page >= pages) return undefined;
  }
}
