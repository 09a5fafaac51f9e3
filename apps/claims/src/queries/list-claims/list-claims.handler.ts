import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { ListClaimsQuery } from './list-claims.query';

/** The claims the caller may see (all, their prescriptions', those paying them), filtered, sorted and paged. */
@QueryHandler(ListClaimsQuery)
export class ListClaimsHandler implements IQueryHandler<ListClaimsQuery, ListResponse<ClaimView>> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ filters, page, viewer }: ListClaimsQuery): Promise<ListResponse<ClaimView>> {
    const { rows, total } = await this.claims.list(filters, viewer, page);
    return toListResponse(await this.views.completeAll(rows.map((row) => row.resource)), total, page.page, page.pageSize);
  }
}
