import { Query } from '@nestjs/cqrs';
import type { BillingRunView } from '../../projections/billing-runs.repository';

export class GetBillingRunQuery extends Query<BillingRunView> {
  constructor(readonly runId: string) {
    super();
  }
}
