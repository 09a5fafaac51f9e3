import type { Queue } from 'bullmq';

/** What a sweep did for one job: queued it (again), retried it, or left it to run. */
export type EnsuredJob = 'queued' | 'retried' | 'pending';

/**
 * For a sweep that finds work its job should have done: queues the job again
 * when it was lost (a crash between the commit that asked and the enqueue, or
 * Redis losing its data), and retries it when it failed for good without
 * recording anything (Postgres out of reach at its every attempt). The retry
 * keeps the attempts already made, so it is the job's last. A job that
 * completed while the work is still undone runs again under a fresh job, since
 * a job id that exists is never added twice. A job waiting, delayed (in its
 * backoff) or running is left alone: it records the answer itself.
 */
export async function ensureJob(queue: Queue, jobId: string, enqueue: () => Promise<void>): Promise<EnsuredJob> {
  const job = await queue.getJob(jobId);
  if (!job) {
    await enqueue();
    return 'queued';
  }
  if (await job.isFailed()) {
    await job.retry('failed');
    return 'retried';
  }
  if (await job.isCompleted()) {
    await job.remove();
    await enqueue();
    return 'queued';
  }
  return 'pending';
}
