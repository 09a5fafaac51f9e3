import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLAIM_ROLES } from '../claim-query-params';
import { ReasonCodesQuery, type ReasonCodeItem } from './reason-codes.query';

/** `GET /v1/claims/reason-codes`: registered before GetClaimHttpController (`:id` would take it). */
@ApiController('v1/claims', 'claims')
export class ReasonCodesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('reason-codes')
  @Roles(...CLAIM_ROLES)
  list(): Promise<{ items: ReasonCodeItem[] }> {
    return this.queries.execute(new ReasonCodesQuery());
  }
}
