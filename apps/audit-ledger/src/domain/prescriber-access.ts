import type { AuditEntry } from '@app/contracts';

/** The reader as far as access goes (a Principal's relevant claims). */
export interface Reader {
  sub: string;
  role: string;
  rpps?: string;
}

/**
 * Auditors read everything. A physician reads a prescription's (or a refused
 * attempt's) entries when they wrote it: the FIRST entry of that subject (the
 * issue or the refused attempt) was recorded with their token's `sub` as
 * actor, or its evidence names their RPPS (`prescriberRpps`, or
 * `prescriber.rpps`), which still holds if they log in under another account.
 */
export function mayRead(reader: Reader, firstEntry: AuditEntry | undefined): boolean {
  if (reader.role === 'auditor') return true;
  if (reader.role !== 'physician' || !firstEntry) return false;
  if (!/^(prescription|attempt):/.test(firstEntry.subject)) return false;
  if (firstEntry.actor?.role === 'physician' && firstEntry.actor.id === reader.sub) return true;
  const evidence = firstEntry.evidence ?? {};
  const prescriber = evidence.prescriber as { rpps?: unknown } | undefined;
  const rpps = evidence.prescriberRpps ?? prescriber?.rpps;
  return reader.rpps !== undefined && typeof rpps === 'string' && rpps === reader.rpps;
}
