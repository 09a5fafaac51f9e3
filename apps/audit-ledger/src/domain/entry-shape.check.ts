const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why an arriving entry cannot be a leaf at all, or null. Only what the ledger
 * itself indexes is checked (id, time, stream position, chain link); anything
 * else about the entry is recorded as it came, and a broken chain is a
 * finding, not a refusal.
 */
export function entryShapeProblem(entry: unknown, streamId: unknown): string | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'no entry object';
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'no UUID id';
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) return 'no ISO 8601 occurredAt';
  if (!Number.isSafeInteger(e.streamVersion) || (e.streamVersion as number) < 0 || (e.streamVersion as number) > 2 ** 31 - 1) {
    return 'no integer streamVersion';
  }
  if (typeof e.prevHash !== 'string') return 'no prevHash';
  if (typeof streamId !== 'string' || streamId.length === 0) return 'no streamId on the envelope';
  return null;
}
