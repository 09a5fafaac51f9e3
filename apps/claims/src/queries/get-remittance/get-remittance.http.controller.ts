import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import type { Remittance } from '../../projections/remittances.repository';
import { REMITTANCE_ROLES } from '../claim-query-params';
import { GetRemittanceQuery } from './get-remittance.query';

@ApiController('v1/remittances', 'remittances')
export class GetRemittanceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(...REMITTANCE_ROLES)
  get(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<Remittance> {
    return this.queries.execute(new GetRemittanceQuery(id, claimViewerOf(viewer)));
  }
}
