import type { ListResponse } from '@app/contracts';
import { pageWindow, toListResponse } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerErrors } from '../../domain/ledger.errors';
import { mayRead } from '../../domain/prescriber-access';
import { entriesBySubject, firstEntryOf, type LedgerEntryView } from '../../store/entry.store';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { ListLedgerEntriesQuery } from './list-ledger-entries.query';

/** Auditors: any subject; a physician: the prescriptions and refused attempts they wrote (else 403). */
@QueryHandler(ListLedgerEntriesQuery)
export class ListLedgerEntriesHandler implements IQueryHandler<ListLedgerEntriesQuery, ListResponse<LedgerEntryView>> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ subject, page, reader }: ListLedgerEntriesQuery): Promise<ListResponse<LedgerEntryView>> {
    if (reader.role !== 'auditor' && !mayRead(reader, await firstEntryOf(this.db, subject))) throw LedgerErrors.notYours(subject);
    const { items, total } = await entriesBySubject(this.db, subject, pageWindow(page));
    return toListResponse(items, total, page.page, page.pageSize);
  }
}
