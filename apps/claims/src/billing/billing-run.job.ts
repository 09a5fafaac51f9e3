import type { JobHandler } from '@app/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { parsePeriod } from '../domain/billing/period';
import { BillingRunsRepository } from '../projections/billing-runs.repository';
import type { BillingRunJobData } from './billing.queue';
import { ClaimCorrections, type Corrected } from './claim-corrections';
import type { FileActiveCache } from './file-active-of-run';
import { PeriodBilling, type PeriodBilled } from './period-billing';

type Outcome = { runId: string; period: string; status: 'COMPLETED' } & PeriodBilled & Corrected;

const MAX_ERROR_LENGTH = 500;

/** What a failed run shows (`GET /v1/billing-runs/:id` `error`): the error's kind and message, never a stack. */
const describe = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);

/**
 * One billing run (job `billing-run`, id per run): RUNNING, the period
 * billed (PeriodBilling), the claims in force whose facts changed corrected
 * (ClaimCorrections), COMPLETED. A crash marks it FAILED with its error and
 * fails the job, which BullMQ retries: the retry finds the enrolments already
 * done and does not do them twice.
 */
@Injectable()
export class BillingRunJob implements JobHandler<Outcome> {
  private readonly logger = new Logger(BillingRunJob.name);

  constructor(
    private readonly runs: BillingRunsRepository,
    private readonly billing: PeriodBilling,
    private readonly corrections: ClaimCorrections,
  ) {}

  async run(job: Job<BillingRunJobData>): Promise<Outcome> {
    const { runId } = job.data;
    const run = await this.runs.get(runId);
    if (!run) throw new Error(`billing run ${runId} not found`);
    const period = parsePeriod(run.period);
    if (!period) throw new Error(`billing run ${runId} has no valid period`);
    const started = Date.now();
    await this.runs.setStatus(runId, 'RUNNING');
    try {
      const cache: FileActiveCache = new Map();
      const billed = await this.billing.bill(runId, period, cache);
      const corrected = await this.corrections.recheck(runId, cache);
      await this.runs.setStatus(runId, 'COMPLETED');
      this.logger.log(
        `billing run ${runId} of ${period.id}: ${billed.enrolments} enrolment(s), ${billed.claimed} claim(s), ${billed.skipped} skipped, ` +
          `${corrected.corrected} correction(s) in ${Date.now() - started} ms`,
      );
      return { runId, period: period.id, status: 'COMPLETED', ...billed, ...corrected };
    } catch (error) {
      this.logger.error(`billing run ${runId} of ${period.id} failed (attempt ${job.attemptsMade + 1}): ${describe(error)}`);
      await this.runs.setStatus(runId, 'FAILED', describe(error));
      throw error;
    }
  }
}
