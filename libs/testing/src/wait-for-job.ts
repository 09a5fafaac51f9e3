import type { Queue } from 'bullmq';

/** Waits for a BullMQ job to finish and returns its result; throws with the reason if it failed. */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    // Read the job again once it is completed: the copy read before may predate its return value.
    if (job && (await job.isCompleted())) return (await queue.getJob(jobId))?.returnvalue;
    if (job && (await job.isFailed())) throw new Error(`job failed: ${job.failedReason}`);
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not complete within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
