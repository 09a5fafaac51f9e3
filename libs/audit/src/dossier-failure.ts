/** One failed check of a dossier; `entry` names the ledger entry at fault when there is one. */
export interface DossierFailure {
  message: string;
  entry?: { index: number; entryId: string };
}

/** A failure of one dossier item, named by its place in the dossier, its ledger index and its id (read without trusting its shape). */
export function entryFailure(position: string, item: unknown, what: string): DossierFailure {
  const { index, entry } = (typeof item === 'object' && item !== null ? item : {}) as { index?: unknown; entry?: { id?: unknown } | null };
  const message = `${position} (index ${String(index)}, id ${String(entry?.id)}): ${what}`;
  return Number.isSafeInteger(index) ? { message, entry: { index: index as number, entryId: String(entry?.id ?? '') } } : { message };
}
