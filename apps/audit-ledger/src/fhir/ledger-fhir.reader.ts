import type { SignedTreeHead } from '@app/audit';
import { type FhirSearch, namesPlatformRow } from '@app/fhir';
import { Injectable } from '@nestjs/common';
import type { Reader } from '../domain/prescriber-access';
import type { InclusionProofView } from '../queries/get-inclusion-proof/get-inclusion-proof.query';
import { fhirEntryById, fhirEntryPage, type FhirEntryFilters } from '../store/fhir-entry.store';
import { LedgerSnapshots } from '../store/ledger-snapshots';
import { inclusionPaths } from '../store/proof.store';
import type { Queryable } from '../store/queryable';
import { latestTreeHead } from '../store/tree-head.store';
import { mayReadEntry, readableSubjects } from './ledger-fhir.access';
import type { LedgerFhirRow } from './ledger-fhir.row';

/** An entry with its inclusion proof against `head`. */
export interface ProvenRow {
  row: LedgerFhirRow;
  proof: InclusionProofView;
}

export interface LedgerFhirPage<T> {
  items: T[];
  total: number;
  /** The newest signed tree head: every entry served is one of its leaves, every proof against it. */
  head: SignedTreeHead | null;
}

/**
 * What the AuditEvent and Provenance views read, each answer in ONE snapshot
 * (REPEATABLE READ) with the newest signed tree head: the entries it covers,
 * filtered as the search says and as the reader may see (ledger-fhir.access),
 * in ledger order, and for a Provenance their proofs against that head.
 */
@Injectable()
export class LedgerFhirReader {
  constructor(private readonly snapshots: LedgerSnapshots) {}

  page(reader: Reader, search: FhirSearch): Promise<LedgerFhirPage<LedgerFhirRow>> {
    return this.snapshots.read((db) => this.pageIn(db, reader, search));
  }

  provenPage(reader: Reader, search: FhirSearch): Promise<LedgerFhirPage<ProvenRow>> {
    return this.snapshots.read(async (db) => {
      const { items, total, head } = await this.pageIn(db, reader, search);
      return { items: await proven(db, items, head), total, head };
    });
  }

  /** The entry of this id if the reader may see it, else undefined (the caller answers 404). */
  one(reader: Reader, id: string): Promise<{ row: LedgerFhirRow; head: SignedTreeHead } | undefined> {
    return this.snapshots.read((db) => this.oneIn(db, reader, id));
  }

  provenOne(reader: Reader, id: string): Promise<{ proven: ProvenRow; head: SignedTreeHead } | undefined> {
    return this.snapshots.read(async (db) => {
      const found = await this.oneIn(db, reader, id);
      if (!found) return undefined;
      const [provenRow] = await proven(db, [found.row], found.head);
      return { proven: provenRow, head: found.head };
    });
  }

  private async pageIn(db: Queryable, reader: Reader, search: FhirSearch): Promise<LedgerFhirPage<LedgerFhirRow>> {
    const head = await latestTreeHead(db);
    const scope = await readableSubjects(db, reader);
    if (!head || (scope !== 'all' && scope.length === 0)) return { items: [], total: 0, head };
    const filters: FhirEntryFilters = {
      below: head.treeSize,
      ...(search.patient ? { patient: `patient:${search.patient}` } : {}),
      ...(search.lastUpdated.from ? { recordedFrom: search.lastUpdated.from } : {}),
      ...(search.lastUpdated.to ? { recordedTo: search.lastUpdated.to } : {}),
      ...(scope !== 'all' ? { naming: scope } : {}),
    };
    const { items, total } = await fhirEntryPage(db, filters, { offset: (search.page - 1) * search.count, limit: search.count });
    return { items, total, head };
  }

  private async oneIn(db: Queryable, reader: Reader, id: string): Promise<{ row: LedgerFhirRow; head: SignedTreeHead } | undefined> {
    if (!namesPlatformRow(id)) return undefined;
    const head = await latestTreeHead(db);
    const row = head ? await fhirEntryById(db, id.toLowerCase(), head.treeSize) : undefined;
    if (!head || !row || !(await mayReadEntry(db, reader, row.entry))) return undefined;
    return { row, head };
  }
}

async function proven(db: Queryable, rows: LedgerFhirRow[], head: SignedTreeHead | null): Promise<ProvenRow[]> {
  if (!head || rows.length === 0) return [];
  const paths = await inclusionPaths(db, rows.map((row) => row.index), head.treeSize);
  return rows.map((row, i) => ({ row, proof: { leafIndex: row.index, treeSize: head.treeSize, leafHash: row.leafHash, path: paths[i] } }));
}
