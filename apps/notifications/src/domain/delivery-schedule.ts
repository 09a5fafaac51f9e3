/**
 * When a webhook delivery that failed is tried again: exponential backoff
 * from the first wait, doubling up to the longest, until the waits cover the
 * window; then the delivery is FAILED. BullMQ asks `retryDelayMs` after each
 * failed attempt (a custom backoff strategy) and stops after
 * `deliveryAttempts`.
 */
export interface RetrySchedule {
  firstRetryMs: number;
  longestWaitMs: number;
  windowMs: number;
}

/** The platform's: 30 s, doubling up to an hour between attempts, for a day. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { firstRetryMs: 30_000, longestWaitMs: 3_600_000, windowMs: 24 * 3_600_000 };

/** The wait after the `attemptsMade`-th failed attempt (1 for the first). */
export const retryDelayMs = (schedule: RetrySchedule, attemptsMade: number): number =>
  Math.min(schedule.firstRetryMs * 2 ** Math.max(0, attemptsMade - 1), schedule.longestWaitMs);

/** Attempts in all: the first, then retries until their waits add up to the window. */
export function deliveryAttempts(schedule: RetrySchedule): number {
  let attempts = 1;
  for (let waited = 0; waited < schedule.windowMs; attempts++) waited += retryDelayMs(schedule, attempts);
  return attempts;
}
