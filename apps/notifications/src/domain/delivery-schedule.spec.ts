import { DELIVERY_ATTEMPTS, FIRST_RETRY_MS, LONGEST_WAIT_MS, retryDelayMs, RETRY_WINDOW_MS } from './delivery-schedule';

describe('the webhook delivery schedule', () => {
  const waits = Array.from({ length: DELIVERY_ATTEMPTS - 1 }, (_, index) => retryDelayMs(index + 1));

  it('doubles from 30 s and never waits more than an hour', () => {
    expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...waits)).toBe(LONGEST_WAIT_MS);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
  });

  it('goes on for a day, not an hour more', () => {
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(total - waits[waits.length - 1]).toBeLessThan(RETRY_WINDOW_MS);
  });

  it('has the first retry after the first failure', () => {
    expect(retryDelayMs(1)).toBe(FIRST_RETRY_MS);
    expect(DELIVERY_ATTEMPTS).toBe(31);
  });
});
