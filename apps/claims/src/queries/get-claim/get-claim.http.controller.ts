import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import type { ClaimView } from '../../projections/claim-view';
import { GetClaimQuery } from './get-claim.query';

/** `GET /v1/claims/:id`. Registered after ReasonCodesHttpController: `/v1/claims/reason-codes` is not an id. */
@ApiController('v1/claims', 'claims')
export class GetClaimHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  get(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<ClaimView> {
    return this.queries.execute(new GetClaimQuery(id, claimViewerOf(viewer)));
  }
}
