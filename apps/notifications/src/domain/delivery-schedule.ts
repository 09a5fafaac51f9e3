/**
 * When a webhook delivery that failed is tried again: exponential backoff
 * from 30 s, doubling up to an hour between attempts, for a day after the
 * first attempt; then the delivery is FAILED. BullMQ asks `retryDelayMs`
 * after each failed attempt (a custom backoff strategy) and stops after
 * `DELIVERY_ATTEMPTS`.
 */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_WAIT_MS = 3_600_000;
export const RETRY_WINDOW_MS = 24 * 3_600_000;

/** The wait after the `attemptsMade`-th failed attempt (1 for the first). */
export const retryDelayMs = (attemptsMade: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attemptsMade - 1), LONGEST_WAIT_MS);

/** Attempts in all: the first, then retries until their waits add up to the day. */
export const DELIVERY_ATTEMPTS = ((): number => {
  let attempts = 1;
  for (let waited = 0; waited < RETRY_WINDOW_MS; attempts++) waited += retryDelayMs(attempts);
  return attempts;
})();
