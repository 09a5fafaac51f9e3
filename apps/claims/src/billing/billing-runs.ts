import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { BILLING_QUEUE, BILLING_RUN_ATTEMPTS, BILLING_RUN_JOB, BILLING_RUN_RETRY_DELAY_MS, billingRunJobId, type BillingRunJobData } from './billing.queue';

/** Queues a billing run (an admin's, or the scheduled one of the month due): one job per run id. */
@Injectable()
export class BillingRuns {
  constructor(@InjectQueue(BILLING_QUEUE) private readonly queue: Queue<BillingRunJobData>) {}

  async enqueue(runId: string): Promise<void> {
    await this.queue.add(
      BILLING_RUN_JOB,
      { runId },
      {
        jobId: billingRunJobId(runId),
        attempts: BILLING_RUN_ATTEMPTS,
        backoff: { type: 'exponential', delay: BILLING_RUN_RETRY_DELAY_MS },
        removeOnComplete: { age: 30 * 86_400 },
        removeOnFail: { age: 90 * 86_400 },
      },
    );
  }
}
