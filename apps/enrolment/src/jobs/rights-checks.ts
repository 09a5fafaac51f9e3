import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
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
   * For the rights sweep, on an enrolment still PENDING under `request`: queues
   * the job again when it was lost (a crash between the commit that asked and
   * the enqueue, or Redis losing its data), and retries it when it failed for
   * good without recording anything (Postgres out of reach at every attempt,
   * so not even UNAVAILABLE). The retry keeps the attempts already made: it
   * is the last one, so an AMO that does not answer then records UNAVAILABLE,
   * and a database still down fails it again for the next minute's sweep.
   * A job waiting, delayed (in its backoff) or running is left alone: it
   * records the answer itself, and one request gets one RightsChecked.
   */
  async ensure(enrolmentId: string, request: number): Promise<'queued' | 'retried' | 'pending'> {
    const job = await this.queue.getJob(rightsCheckJobId(enrolmentId, request));
    if (!job) {
      await this.enqueue(enrolmentId, request);
      return 'queued';
    }
    if (await job.isFailed()) {
      await job.retry('failed');
      return 'retried';
    }
    if (await job.isCompleted()) {
      // It ran, yet the enrolment is still PENDING under this request: run it again under a fresh job
      // (a job id that exists is never added twice). Should the sweep have read the row just before
      // the job recorded, the new run finds the rights answered and records nothing.
      await job.remove();
      await this.enqueue(enrolmentId, request);
      return 'queued';
    }
    return 'pending';
  }
}
