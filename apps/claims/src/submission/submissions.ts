import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
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
   * For the sweep: queues the job again when it was lost (a crash between the
   * commit and the enqueue), and retries it when it failed for good without
   * recording anything (the database down at its last attempt). A job
   * waiting, delayed or running is left alone.
   */
  async ensure(claimId: string, submission: number): Promise<'queued' | 'retried' | 'pending'> {
    const job = await this.queue.getJob(submissionJobId(claimId, submission));
    if (!job) {
      await this.enqueue(claimId, submission);
      return 'queued';
    }
    if (await job.isFailed()) {
      await job.retry('failed');
      return 'retried';
    }
    if (await job.isCompleted()) {
      // It ran and the claim is still CREATED under this number: run it again under a fresh job.
      await job.remove();
      await this.enqueue(claimId, submission);
      return 'queued';
    }
    return 'pending';
  }
}
