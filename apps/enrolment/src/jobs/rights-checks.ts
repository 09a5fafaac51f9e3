import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ensureJob, type EnsuredJob } from '@app/service-kit';
import type { Queue } from 'bullmq';
import { RIGHTS_CHECK_JOB, RIGHTS_CHECK_QUEUE, RIGHTS_RETRY, rightsCheckJobId, type RightsCheckJobData, type RightsRetryPolicy } from './rights-check.queue';

/** Asks for an enrolment's rights check: the job runs once per request number, retried with backoff. */
@Injectable()
export class RightsChecks {
  constructor(
    @InjectQueue(RIGHTS_CHECK_QUEUE) private readonly queue: Queue<RightsCheckJobData>,
    @Inject(RIGHTS_RETRY) private readonly retry: RightsRetryPolicy,
  ) {}

  /**
   * `delayMs`: a check asked inside a transaction that has not committed yet
   * (a consumer's) starts a little later; if it still finds no enrolment, its
   * retries wait for the commit.
   */
  async enqueue(enrolmentId: string, request: number, delayMs = 0): Promise<void> {
    await this.queue.add(
      RIGHTS_CHECK_JOB,
      { enrolmentId, request },
      {
        jobId: rightsCheckJobId(enrolmentId, request),
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.delayMs },
        delay: delayMs,
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      },
    );
  }

  /**
   * For the rights sweep, on an enrolment still PENDING under `request`
   * (ensureJob: lost -> queued again, failed for good -> retried as its last
   * attempt, completed -> a fresh job, waiting or running -> left alone, so
   * one request gets one RightsChecked). Should the sweep have read the row
   * just before the job recorded, the new run finds the rights answered and
   * records nothing.
   */
  ensure(enrolmentId: string, request: number): Promise<EnsuredJob> {
    return ensureJob(this.queue, rightsCheckJobId(enrolmentId, request), () => this.enqueue(enrolmentId, request));
  }
}
