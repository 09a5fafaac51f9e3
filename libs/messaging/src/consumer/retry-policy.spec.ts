import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('backoffDelay', () => {
  it('doubles from the base delay after each failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_RETRY_POLICY))).toEqual([200, 400, 800, 1600]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(30, { attempts: 40, baseDelayMs: 100, maxDelayMs: 2_000 })).toBe(2_000);
  });

  it('defaults to three attempts from 200 ms', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ attempts: 3, baseDelayMs: 200 });
  });
});
