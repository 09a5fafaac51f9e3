import { DEFAULT_RETRY_SCHEDULE, deliveryAttempts, retryDelayMs, type RetrySchedule } from './delivery-schedule';

describe('the webhook delivery schedule', () => {
  const attempts = deliveryAttempts(DEFAULT_RETRY_SCHEDULE);
  const waits = Array.from({ length: attempts - 1 }, (_, index) => retryDelayMs(DEFAULT_RETRY_SCHEDULE, index + 1));

  it('doubles from 30 s and never waits more than an hour', () => {
    expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...waits)).toBe(3_600_000);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
  });

  it('goes on for a day, not an hour more', () => {
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(total - waits[waits.length - 1]).toBeLessThan(24 * 3_600_000);
  });

  it('has the first retry after the first failure, 31 attempts in all', () => {
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, 1)).toBe(30_000);
    expect(attempts).toBe(31);
  });

  it('follows a shorter schedule the same way (a test’s)', () => {
    const short: RetrySchedule = { firstRetryMs: 10, longestWaitMs: 40, windowMs: 100 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(short, n))).toEqual([10, 20, 40, 40, 40]);
    // 10 + 20 + 40 + 40 = 110 >= 100: four retries after the first attempt.
    expect(deliveryAttempts(short)).toBe(5);
  });
});
