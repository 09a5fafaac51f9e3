import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditDisclosureRow } from '../store/event-store.types';

/** A disclosure row as stored: which entry it belongs to, and where in it. */
export interface StoredAuditDisclosure extends AuditDisclosureRow {
  entryId: string;
}

/** The audit_disclosures table, read side (the append statement writes it with the entries). */
@Injectable()
export class AuditDisclosuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every disclosure row of these entries, by entry then path. */
  async findByEntries(entryIds: readonly string[]): Promise<StoredAuditDisclosure[]> {
    if (entryIds.length === 0) return [];
    const rows: Array<{ entry_id: string; path: string; ciphertext: string; aad: string; pseudonym: string | null; readers: string[] }> =
      await this.dataSource.query(
        `SELECT entry_id, path, ciphertext, aad, pseudonym, readers FROM audit_disclosures
          WHERE entry_id = ANY($1::uuid[]) ORDER BY entry_id, path`,
        [entryIds],
      );
    return rows.map((row) => ({
      entryId: row.entry_id,
      path: row.path,
      ciphertext: row.ciphertext,
      aad: row.aad,
      pseudonym: row.pseudonym,
      readers: row.readers,
    }));
  }
}
