import type { ListResponse } from '@app/contracts';
import { pageWindow, toListResponse } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listQuarantine, type QuarantineItem } from '../../store/quarantine.store';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { ListQuarantineQuery } from './list-quarantine.query';

/** What the ledger refused, newest first: forged, malformed or out-of-chain messages of audit.entries.v1. */
@QueryHandler(ListQuarantineQuery)
export class ListQuarantineHandler implements IQueryHandler<ListQuarantineQuery, ListResponse<QuarantineItem>> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ page }: ListQuarantineQuery): Promise<ListResponse<QuarantineItem>> {
    const { items, total } = await listQuarantine(this.db, pageWindow(page));
    return toListResponse(items, total, page.page, page.pageSize);
  }
}
