import { invalidRequest } from '@app/service-kit';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { BillingRuns } from '../../billing/billing-runs';
import { parsePeriod, periodEnded } from '../../domain/billing/period';
import { ClaimErrors } from '../../domain/claim.errors';
import { BillingRunsRepository } from '../../projections/billing-runs.repository';
import { StartBillingRunCommand, type QueuedBillingRun } from './start-billing-run.command';

/**
 * An admin bills an ended period now (not waiting for the grace hours of the
 * scheduled run): a run row QUEUED, then its job. Running a period again is
 * a new run whose enrolments already claimed are skipped ALREADY_CLAIMED.
 */
@CommandHandler(StartBillingRunCommand)
export class StartBillingRunHandler implements ICommandHandler<StartBillingRunCommand, QueuedBillingRun> {
  constructor(
    private readonly runs: BillingRunsRepository,
    private readonly billing: BillingRuns,
  ) {}

  async execute({ input: { period: text, by }, context }: StartBillingRunCommand): Promise<QueuedBillingRun> {
    const period = parsePeriod(text);
    if (!period) throw invalidRequest([{ field: 'period', code: 'IS_PERIOD', message: 'period must be a month YYYY-MM' }]);
    if (!periodEnded(period, context.now)) throw ClaimErrors.periodNotEnded(period.id);
    const id = uuidv7();
    await this.runs.create({ id, period: period.id, trigger: 'ADMIN', status: 'QUEUED', requestedBy: by.sub, createdAt: context.now });
    await this.billing.enqueue(id);
    return { id, period: period.id, status: 'QUEUED' };
  }
}
