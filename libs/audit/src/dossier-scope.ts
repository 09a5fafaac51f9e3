import type { AuditEntry } from '@app/contracts';

/** What the membership rule reads of an entry: which stream it is (its subject) and what it names. */
export type ScopedEntry = Pick<AuditEntry, 'subject' | 'relatedSubjects'>;

/** Which streams belong to a prescription's dossier. */
export interface DossierScope {
  /** `prescription:<uuid>` of the prescription and of every prescription of its renewal chain, both directions. */
  prescriptions: Set<string>;
  /** The subject of every stream the dossier covers (each stream is one subject's chain). */
  streams: Set<string>;
}

const kindOf = (ref: unknown): string => (typeof ref === 'string' ? ref.split(':')[0] : '');
const relatedOf = (entry: ScopedEntry): string[] =>
  Array.isArray(entry?.relatedSubjects) ? entry.relatedSubjects.filter((ref): ref is AuditEntry['subject'] => typeof ref === 'string') : [];

/**
 * THE membership rule of a liability dossier, for the ledger that builds it
 * and the verifier that checks it. Given entries (any that the caller has
 * seen), a dossier of `prescriptionId` covers:
 * - its renewal chain: a prescription's entries name the one it renews
 *   (`renewalOf`) among their related subjects, and the chain is followed
 *   both ways, transitively;
 * - every stream with an entry naming a prescription of that chain among its
 *   related subjects: a refused attempt to renew it, and later its enrolment
 *   and claims, which name their prescription (API.md);
 * - every device named by a covered stream: its certification history.
 * A patient reference is never followed (a patient's other prescriptions are
 * not this one's), nor is a device followed back to other prescriptions of it.
 */
export function dossierScope(prescriptionId: string, entries: Iterable<ScopedEntry>): DossierScope {
  const all = [...entries].filter((entry) => typeof entry?.subject === 'string');
  const prescriptions = renewalChain(`prescription:${prescriptionId}`, all);
  const streams = new Set(prescriptions);
  for (const entry of all) {
    if (relatedOf(entry).some((ref) => prescriptions.has(ref))) streams.add(entry.subject);
  }
  for (const entry of all) {
    if (!streams.has(entry.subject) || kindOf(entry.subject) === 'device') continue;
    for (const ref of relatedOf(entry)) if (kindOf(ref) === 'device') streams.add(ref);
  }
  return { prescriptions, streams };
}

/** The prescriptions linked to `start` by renewals (a prescription entry naming another prescription), both directions. */
function renewalChain(start: string, entries: readonly ScopedEntry[]): Set<string> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => links.set(a, (links.get(a) ?? new Set()).add(b));
  for (const entry of entries) {
    if (kindOf(entry.subject) !== 'prescription') continue;
    for (const ref of relatedOf(entry)) {
      if (kindOf(ref) !== 'prescription' || ref === entry.subject) continue;
      link(entry.subject, ref);
      link(ref, entry.subject);
    }
  }
  const chain = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of links.get(queue.pop()!) ?? []) {
      if (!chain.has(next)) {
        chain.add(next);
        queue.push(next);
      }
    }
  }
  return chain;
}
