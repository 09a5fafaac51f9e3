import { retryAfterSeconds } from './retry-after';

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T10:00:00.000Z');

  it('is the whole seconds until the window resets, rounded up', () => {
    expect(retryAfterSeconds(new Date(now + 42_000), now, 60_000)).toBe(42);
    expect(retryAfterSeconds(new Date(now + 41_001), now, 60_000)).toBe(42);
  });

  it('is at least one second, and the whole window when the reset is unknown', () => {
    expect(retryAfterSeconds(new Date(now + 10), now, 60_000)).toBe(1);
    expect(retryAfterSeconds(new Date(now - 5_000), now, 60_000)).toBe(1);
    expect(retryAfterSeconds(undefined, now, 60_000)).toBe(60);
  });
});
