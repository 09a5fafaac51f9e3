/** One failed check of a dossier; `entry` names the ledger entry at fault when there is one. */
export interface DossierFailure {
  message: string;
  entry?: { index: number; entryId: string };
}

/** How failures name an entry: its place in `entries`, its ledger index and its id. */
export function entryLabel(position: string, item: unknown): string {
  const { index, entry } = (typeof item === 'object' && item !== null ? item : {}) as { index?: unknown; entry?: { id?: unknown } };
  return `${position} (index ${String(index)}, id ${String(entry?.id)})`;
}

export function entryFailure(position: string, item: unknown, what: string): DossierFailure {
  const { index, entry } = (typeof item === 'object' && item !== null ? item : {}) as { index?: unknown; entry?: { id?: unknown } };
  const named = Number.isSafeInteger(index) ? { entry: { index: index as number, entryId: String(entry?.id ?? '') } } : {};
  return { message: `${entryLabel(position, item)}: ${what}`, ...named };
}
