import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ensureJob, type EnsuredJob } from '@app/service-kit';
import type { Queue } from 'bullmq';
import { SUBMISSION_JOB, SUBMISSION_QUEUE, SUBMISSION_RETRY, submissionJobId, type SubmissionJobData, type SubmissionRetryPolicy } from './submission.queue';

/** Queues a claim's submission to the AMO, after the step that made it submittable committed: one job per submission number. */
@Injectable()
export class Submissions {
  constructor(
    @InjectQueue(SUBMISSION_QUEUE) private readonly queue: Queue<SubmissionJobData>,
    @Inject(SUBMISSION_RETRY) private readonly retry: SubmissionRetryPolicy,
  ) {}

  async enqueue(claimId: string, submission: number): Promise<void> {
    await this.queue.add(
      SUBMISSION_JOB,
      { claimId, submission },
      {
        jobId: submissionJobId(claimId, submission),
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.delayMs },
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      },
    );
  }

  /**
   * For the sweep, on a claim still CREATED under `submission` (ensureJob:
   * lost -> queued again, failed for good without recording anything -> retried,
   * completed -> a fresh job, waiting or running -> left alone).
   */
  ensure(claimId: string, submission: number): Promise<EnsuredJob> {
    return ensureJob(this.queue, submissionJobId(claimId, submission), () => this.enqueue(claimId, submission));
  }
}
