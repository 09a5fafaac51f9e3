import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import type { Remittance } from '../../projections/remittances.repository';
import { REMITTANCE_ROLES } from '../claim-query-params';
import { ListRemittancesQuery } from './list-remittances.query';
import { ListRemittancesRequestDto } from './list-remittances.request.dto';

@ApiController('v1/remittances', 'remittances')
export class ListRemittancesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...REMITTANCE_ROLES)
  list(@QueryParams() { payee, period, page, pageSize }: ListRemittancesRequestDto, @CurrentPrincipal() viewer: Principal): Promise<ListResponse<Remittance>> {
    return this.queries.execute(new ListRemittancesQuery({ payee, period }, { page, pageSize }, claimViewerOf(viewer)));
  }
}
