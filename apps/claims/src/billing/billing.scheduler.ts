import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BILLING_SETTINGS, type BillingSettings } from '../claims.settings';
import { periodOf, previousPeriod, type Period } from '../domain/billing/period';
import { BillingRunsRepository } from '../projections/billing-runs.repository';
import { BillingRuns } from './billing-runs';
import { scheduledRunId } from './scheduled-run-id';

const HOUR_MS = 3_600_000;
/** Runs left QUEUED or RUNNING (their job lost with a crashed process) are queued again, a few at a time. */
const RESUMED_PER_MINUTE = 20;

/** The latest month whose end, plus the grace hours, the platform clock has passed. */
export function periodDue(now: Date, graceHours: number): Period {
  let period = previousPeriod(periodOf(now));
  while (now.getTime() < period.to.getTime() + graceHours * HOUR_MS) period = previousPeriod(period);
  return period;
}

/**
 * Every minute, on the platform clock: the latest month M such that now is
 * past the end of M plus BILLING_GRACE_HOURS gets ONE scheduled run (its id
 * deterministic, its row unique per period), queued. Then the runs not
 * finished are queued again (deterministic job ids: a job waiting or running
 * is not doubled), so a restart resumes them.
 */
@Injectable()
export class BillingScheduler implements JobHandler<{ period: string; created: boolean; resumed: number }> {
  private readonly logger = new Logger(BillingScheduler.name);

  constructor(
    private readonly runs: BillingRunsRepository,
    private readonly billing: BillingRuns,
    @Inject(BILLING_SETTINGS) private readonly settings: BillingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ period: string; created: boolean; resumed: number }> {
    const now = this.clock.now();
    const period = periodDue(now, this.settings.graceHours);
    const id = scheduledRunId(period);
    const created = await this.runs.createScheduled(period.id, id, now);
    if (created) {
      this.logger.log(`scheduled the billing run ${id} of ${period.id}`);
      await this.billing.enqueue(id);
    }
    const unfinished = await this.runs.unfinished(RESUMED_PER_MINUTE);
    for (const run of unfinished) await this.billing.enqueue(run.id);
    return { period: period.id, created, resumed: unfinished.length };
  }
}
