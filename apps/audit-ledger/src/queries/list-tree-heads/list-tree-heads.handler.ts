import type { SignedTreeHead } from '@app/audit';
import type { ListResponse } from '@app/contracts';
import { pageWindow, toListResponse } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { treeHeadPage } from '../../store/tree-head.store';
import { ListTreeHeadsQuery } from './list-tree-heads.query';

/** Past signed heads, newest first: what a monitor checks consistency between. */
@QueryHandler(ListTreeHeadsQuery)
export class ListTreeHeadsHandler implements IQueryHandler<ListTreeHeadsQuery, ListResponse<SignedTreeHead>> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ page }: ListTreeHeadsQuery): Promise<ListResponse<SignedTreeHead>> {
    const { offset, limit } = pageWindow(page);
    const { items, total } = await treeHeadPage(this.db, offset, limit);
    return toListResponse(items, total, page.page, page.pageSize);
  }
}
