import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RemittancesRepository, type Remittance } from '../../projections/remittances.repository';
import { ListRemittancesQuery } from './list-remittances.query';

/** The remittance advices the caller may see (all, or its org's as payee), oldest payment first. */
@QueryHandler(ListRemittancesQuery)
export class ListRemittancesHandler implements IQueryHandler<ListRemittancesQuery, ListResponse<Remittance>> {
  constructor(private readonly remittances: RemittancesRepository) {}

  async execute({ filters, page, viewer }: ListRemittancesQuery): Promise<ListResponse<Remittance>> {
    const { rows, total } = await this.remittances.list(filters, viewer, page);
    return toListResponse(rows, total, page.page, page.pageSize);
  }
}
