import { DEFAULT_START_BACKOFF, isWorthAWarning, startRetryDelayMs } from './consumer-start-backoff';

describe('startRetryDelayMs', () => {
  it('doubles from the base after each failed start, up to the cap', () => {
    const backoff = { ...DEFAULT_START_BACKOFF, baseDelayMs: 500, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((failures) => startRetryDelayMs(failures, backoff))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
  });
});

describe('isWorthAWarning', () => {
  it('warns at the first failure, at a new reason and every n-th failure; the others are debug', () => {
    const backoff = { ...DEFAULT_START_BACKOFF, remindEvery: 10 };
    const reasons = ['refused', 'refused', 'refused', 'topics not led', 'topics not led'];
    const warned = reasons.map((reason, i) => isWorthAWarning(i + 1, reason, reasons[i - 1], backoff));
    expect(warned).toEqual([true, false, false, true, false]);
    expect(isWorthAWarning(10, 'refused', 'refused', backoff)).toBe(true);
    expect(isWorthAWarning(11, 'refused', 'refused', backoff)).toBe(false);
  });
});
