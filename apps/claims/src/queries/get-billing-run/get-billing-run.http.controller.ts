import { Roles } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { BillingRunView } from '../../projections/billing-runs.repository';
import { GetBillingRunQuery } from './get-billing-run.query';

@ApiController('v1/billing-runs', 'billing-runs')
export class GetBillingRunHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('admin', 'claims_processor')
  get(@UuidParam() id: string): Promise<BillingRunView> {
    return this.queries.execute(new GetBillingRunQuery(id));
  }
}
