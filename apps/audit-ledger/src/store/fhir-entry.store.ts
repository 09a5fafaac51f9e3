import type { AuditEntry } from '@app/contracts';
import { toEntryView, type LedgerEntryView } from './entry.store';
import type { Queryable } from './queryable';

/** An entry as GET /v1/ledger/entries serves it, with what its FHIR views add: the stored leaf bytes and when it was appended. */
export interface FhirEntryRecord extends LedgerEntryView {
  entryJcs: string;
  recordedAt: Date;
}

/** The filters of a FHIR search, in ledger terms; `naming`: only entries naming one of these subjects (a physician's scope). */
export interface FhirEntryFilters {
  /** Only leaves the signed tree head covers (every served proof is against it). */
  below: number;
  /** `patient:<pseudonym>`, as subject or related subject. */
  patient?: string;
  recordedFrom?: Date;
  recordedTo?: Date;
  naming?: readonly string[];
}

interface FhirEntryRow {
  index: string;
  entry_jcs: string;
  leaf_hash: Buffer;
  chain_finding: unknown;
  recorded_at: Date;
}

const SELECT = `
SELECT e.index, e.entry_jcs, n.hash AS leaf_hash, e.chain_finding, e.recorded_at
  FROM ledger_entries e JOIN ledger_nodes n ON n.level = 0 AND n.index = e.index`;

const toRecord = (row: FhirEntryRow): FhirEntryRecord => ({ ...toEntryView(row), entryJcs: row.entry_jcs, recordedAt: new Date(row.recorded_at) });

function where(filters: FhirEntryFilters): { sql: string; params: unknown[] } {
  const params: unknown[] = [filters.below];
  const clauses = ['e.index < $1'];
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(params.length));
  };
  if (filters.patient) add((n) => `e.subjects @> ARRAY[$${n}::text]`, filters.patient);
  if (filters.recordedFrom) add((n) => `e.recorded_at >= $${n}`, filters.recordedFrom);
  if (filters.recordedTo) add((n) => `e.recorded_at < $${n}`, filters.recordedTo);
  if (filters.naming) add((n) => `e.subjects && $${n}::text[]`, filters.naming);
  return { sql: clauses.join(' AND '), params };
}

/** One page of the entries matching, in ledger order, and how many match in all. */
export async function fhirEntryPage(
  db: Queryable,
  filters: FhirEntryFilters,
  window: { offset: number; limit: number },
): Promise<{ items: FhirEntryRecord[]; total: number }> {
  const { sql, params } = where(filters);
  const n = params.length;
  const rows: FhirEntryRow[] = await db.query(`${SELECT} WHERE ${sql} ORDER BY e.index OFFSET $${n + 1} LIMIT $${n + 2}`, [...params, window.offset, window.limit]);
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ledger_entries e WHERE ${sql}`, params);
  return { items: rows.map(toRecord), total };
}

/** The entry of this id (a UUID), if the signed tree head covers it. */
export async function fhirEntryById(db: Queryable, entryId: string, below: number): Promise<FhirEntryRecord | undefined> {
  const rows: FhirEntryRow[] = await db.query(`${SELECT} WHERE e.entry_id = $1 AND e.index < $2`, [entryId, below]);
  return rows.length ? toRecord(rows[0]) : undefined;
}

/**
 * The first entry of each prescription and attempt that may be this
 * physician's: recorded under their `sub`, or whose text names their RPPS.
 * A superset, narrowed in SQL only so that `mayRead` (domain/prescriber-access)
 * can decide on each, as it decides for GET /v1/ledger/entries?subject=.
 */
export async function candidateFirstEntries(db: Queryable, reader: { sub: string; rpps?: string }): Promise<AuditEntry[]> {
  const rows: Array<{ entry_jcs: string }> = await db.query(
    `SELECT entry_jcs FROM (
       SELECT DISTINCT ON (subject) subject, entry_jcs FROM ledger_entries
        WHERE subject LIKE 'prescription:%' OR subject LIKE 'attempt:%'
        ORDER BY subject, index
     ) first
     WHERE (first.entry_jcs::jsonb #>> '{actor,id}') = $1 OR ($2::text IS NOT NULL AND strpos(first.entry_jcs, $2::text) > 0)`,
    [reader.sub, reader.rpps ?? null],
  );
  return rows.map((row) => JSON.parse(row.entry_jcs));
}
