import type { Paged } from '../../api/api-client';
import type { LedgerEntryView } from './ledger-api';

export type EntryPageLoader = (page: number, pageSize: number) => Promise<Paged<LedgerEntryView>>;

/**
 * The entry of one index among a subject's entries (the API serves entries
 * by subject, in ledger order): pages are read until the indexes pass the one
 * sought. Undefined when the subject has no entry of that index.
 */
export async function findEntry(index: number, load: EntryPageLoader, pageSize: number): Promise<LedgerEntryView | undefined> {
  for (let page = 1; ; page += 1) {
    const answer = await load(page, pageSize);
    const found = answer.items.find((view) => view.index === index);
    if (found) return found;
    const last = answer.items[answer.items.length - 1];
    if (!last || last.index > index || page * pageSize >= answer.total) return undefined;
  }
}
