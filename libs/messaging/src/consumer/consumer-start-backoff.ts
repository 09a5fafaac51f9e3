/**
 * How a consumer that cannot start yet (broker unreachable, topics not led
 * yet) retries: quickly at first, since a broker that was just started
 * answers within seconds, then no more often than every `maxDelayMs`.
 */
export interface StartBackoff {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Every n-th failure with an unchanged reason is logged again as a warning. */
  remindEvery: number;
}

export const DEFAULT_START_BACKOFF: StartBackoff = { baseDelayMs: 500, maxDelayMs: 10_000, remindEvery: 10 };

/** Wait after the n-th failed start: base, 2 x base, 4 x base... capped. */
export const startRetryDelayMs = (failures: number, backoff: StartBackoff = DEFAULT_START_BACKOFF): number =>
  Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));

/**
 * Whether a failed start deserves a warning: the first one, one whose reason
 * differs from the previous failure's, and a reminder now and then. The rest
 * go to debug, so an outage is one line, not one line per attempt.
 */
export function isWorthAWarning(failures: number, reason: string, previousReason: string | undefined, backoff = DEFAULT_START_BACKOFF): boolean {
  return failures === 1 || reason !== previousReason || failures % backoff.remindEvery === 0;
}
