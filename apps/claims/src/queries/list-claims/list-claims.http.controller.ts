import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import type { ClaimView } from '../../projections/claim-view';
import { CLAIM_ROLES } from '../claim-query-params';
import { ListClaimsQuery } from './list-claims.query';
import { ListClaimsRequestDto } from './list-claims.request.dto';

@ApiController('v1/claims', 'claims')
export class ListClaimsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...CLAIM_ROLES)
  list(
    @QueryParams() { status, period, payee, indication, sort, page, pageSize }: ListClaimsRequestDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ListResponse<ClaimView>> {
    return this.queries.execute(new ListClaimsQuery({ status, period, payee, indication, sort }, { page, pageSize }, claimViewerOf(viewer)));
  }
}
