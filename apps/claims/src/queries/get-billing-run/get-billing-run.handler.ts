import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { BillingRunsRepository, type BillingRunView } from '../../projections/billing-runs.repository';
import { GetBillingRunQuery } from './get-billing-run.query';

/** A billing run's progress: enrolments seen, claimed, skipped with the reason for each, corrective claims. */
@QueryHandler(GetBillingRunQuery)
export class GetBillingRunHandler implements IQueryHandler<GetBillingRunQuery, BillingRunView> {
  constructor(private readonly runs: BillingRunsRepository) {}

  async execute({ runId }: GetBillingRunQuery): Promise<BillingRunView> {
    const view = await this.runs.view(runId);
    if (!view) throw ClaimErrors.runNotFound(runId);
    return view;
  }
}
