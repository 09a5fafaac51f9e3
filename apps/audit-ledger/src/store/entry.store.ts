import { toHex } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import type { PlannedEntry } from '../domain/ledger-batch.plan';
import type { Queryable } from './queryable';

/** An entry as `GET /v1/ledger/entries` serves it; `chainFinding` only when its stream's chain was broken there. */
export interface LedgerEntryView {
  index: number;
  entry: AuditEntry;
  leafHash: string;
  chainFinding?: unknown;
}

interface EntryRow {
  index: string;
  entry_jcs: string;
  leaf_hash: Buffer;
  chain_finding: unknown;
}

const SELECT = `
SELECT e.index, e.entry_jcs, n.hash AS leaf_hash, e.chain_finding
  FROM ledger_entries e JOIN ledger_nodes n ON n.level = 0 AND n.index = e.index`;

export function toEntryView(row: EntryRow): LedgerEntryView {
  const view: LedgerEntryView = { index: Number(row.index), entry: JSON.parse(row.entry_jcs), leafHash: toHex(row.leaf_hash) };
  if (row.chain_finding) view.chainFinding = row.chain_finding;
  return view;
}

export async function entriesBySubject(
  db: Queryable,
  subject: string,
  window: { offset: number; limit: number },
): Promise<{ items: LedgerEntryView[]; total: number }> {
  const rows: EntryRow[] = await db.query(`${SELECT} WHERE e.subjects @> ARRAY[$1] ORDER BY e.index OFFSET $2 LIMIT $3`, [
    subject,
    window.offset,
    window.limit,
  ]);
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ledger_entries WHERE subjects @> ARRAY[$1]`, [subject]);
  return { items: rows.map(toEntryView), total };
}

/** Every entry whose subject or related subjects name `subject`, in ledger order (a patient's whole trace, for their export). */
export async function allEntriesNaming(db: Queryable, subject: string): Promise<LedgerEntryView[]> {
  const rows: EntryRow[] = await db.query(`${SELECT} WHERE e.subjects @> ARRAY[$1] ORDER BY e.index`, [subject]);
  return rows.map(toEntryView);
}

/** Entries naming any of the refs (subject or related), below a tree size. */
export async function entriesNaming(db: Queryable, refs: string[], below: number): Promise<LedgerEntryView[]> {
  if (refs.length === 0) return [];
  const rows: EntryRow[] = await db.query(`${SELECT} WHERE e.subjects && $1::text[] AND e.index < $2 ORDER BY e.index`, [refs, below]);
  return rows.map(toEntryView);
}

/** Entries whose own subject is one of the refs, below a tree size (a device's own history, not others' prescriptions of it). */
export async function entriesOfSubjects(db: Queryable, refs: string[], below: number): Promise<LedgerEntryView[]> {
  if (refs.length === 0) return [];
  const rows: EntryRow[] = await db.query(`${SELECT} WHERE e.subject = ANY($1::text[]) AND e.index < $2 ORDER BY e.index`, [refs, below]);
  return rows.map(toEntryView);
}

/** The first entry recorded for a subject (its creation or refused attempt): who owns it. */
export async function firstEntryOf(db: Queryable, subject: string): Promise<AuditEntry | undefined> {
  const rows: Array<{ entry_jcs: string }> = await db.query(
    `SELECT entry_jcs FROM ledger_entries WHERE subject = $1 ORDER BY index LIMIT 1`,
    [subject],
  );
  return rows.length ? JSON.parse(rows[0].entry_jcs) : undefined;
}

/** The next leaf index: the number of entries the tree holds. */
export async function treeSize(db: Queryable): Promise<number> {
  return Number((await db.query(`SELECT coalesce(max(index) + 1, 0) AS size FROM ledger_entries`))[0].size);
}

/** Which of these entry ids the ledger already holds (a redelivered entry is never appended twice). */
export async function recordedEntryIds(db: Queryable, entryIds: string[]): Promise<Set<string>> {
  const rows: Array<{ entry_id: string }> = await db.query(`SELECT entry_id FROM ledger_entries WHERE entry_id = ANY($1::uuid[])`, [entryIds]);
  return new Set(rows.map((row) => row.entry_id));
}

// Arrays of arrays cannot be unnested row by row, so subjects travel as one space-separated string each.
const INSERT_ENTRIES = `
INSERT INTO ledger_entries (index, entry_id, entry_jcs, subject, subjects, stream_id, occurred_at, chain_finding, recorded_at)
SELECT e.index, e.entry_id, e.entry_jcs, coalesce((string_to_array(e.subjects, ' '))[1], ''), string_to_array(e.subjects, ' '), e.stream_id, e.occurred_at, e.finding, $8
  FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[])
       AS e(index, entry_id, entry_jcs, subjects, stream_id, occurred_at, finding)`;

export async function insertEntries(db: Queryable, entries: readonly PlannedEntry[], recordedAt: Date): Promise<void> {
  await db.query(INSERT_ENTRIES, [
    entries.map((e) => e.index),
    entries.map((e) => e.entryId),
    entries.map((e) => e.entryJcs),
    entries.map((e) => e.subjects.join(' ')),
    entries.map((e) => e.streamId),
    entries.map((e) => e.occurredAt),
    entries.map((e) => (e.finding ? JSON.stringify(e.finding) : null)),
    recordedAt,
  ]);
}
