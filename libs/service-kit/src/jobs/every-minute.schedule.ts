import type { Queue } from 'bullmq';

export const EVERY_MINUTE_MS = 60_000;

/**
 * Registers a job that runs every minute and decides from the platform clock
 * what is due. Upserting a fixed scheduler id makes every replica agree on one
 * schedule; finished jobs are trimmed so Redis does not grow.
 */
export async function scheduleEveryMinute(queue: Queue, schedulerId: string, jobName: string): Promise<void> {
  await queue.upsertJobScheduler(
    schedulerId,
    { every: EVERY_MINUTE_MS },
    { name: jobName, opts: { removeOnComplete: 100, removeOnFail: 1000 } },
  );
}
