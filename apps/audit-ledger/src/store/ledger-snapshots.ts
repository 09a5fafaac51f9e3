import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from './queryable';

/** Reads in ONE snapshot (REPEATABLE READ): a dossier's entries and proofs then all hold against the same tree head. */
@Injectable()
export class LedgerSnapshots {
  constructor(private readonly dataSource: DataSource) {}

  read<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }
}
