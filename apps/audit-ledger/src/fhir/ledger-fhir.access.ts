import type { AuditEntry } from '@app/contracts';
import { mayRead, type Reader } from '../domain/prescriber-access';
import { firstEntryOf } from '../store/entry.store';
import { candidateFirstEntries } from '../store/fhir-entry.store';
import type { Queryable } from '../store/queryable';

/** The subjects whose first entry says who owns them (domain/prescriber-access). */
const OWNABLE = /^(prescription|attempt):/;

/**
 * The subjects whose entries the reader may list with GET
 * /v1/ledger/entries?subject=: every one for an auditor; for a physician,
 * the prescriptions and refused attempts `mayRead` gives them; for anyone
 * else none (their role is refused before this). A FHIR search shows the
 * entries naming one of these, exactly the union of those lists.
 */
export async function readableSubjects(db: Queryable, reader: Reader): Promise<'all' | string[]> {
  if (reader.role === 'auditor') return 'all';
  if (reader.role !== 'physician') return [];
  const firsts = await candidateFirstEntries(db, reader);
  return firsts.filter((first) => mayRead(reader, first)).map((first) => first.subject);
}

/** Whether the reader may read this entry: it is in one of the lists above (any prescription or attempt it names is theirs). */
export async function mayReadEntry(db: Queryable, reader: Reader, entry: AuditEntry): Promise<boolean> {
  if (reader.role === 'auditor') return true;
  if (reader.role !== 'physician') return false;
  const named = [...new Set([entry.subject, ...entry.relatedSubjects])].filter((subject) => OWNABLE.test(subject));
  for (const subject of named) if (mayRead(reader, await firstEntryOf(db, subject))) return true;
  return false;
}
