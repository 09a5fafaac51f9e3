import { DEFAULT_EXPECTED_INTERVALS, expectedIntervalOf } from './expected-interval';

describe('expected interval', () => {
  it('is 26 hours for PERIODIC and 1 hour for CRITICAL_ALERTS by default (DOMAIN.md)', () => {
    expect(DEFAULT_EXPECTED_INTERVALS).toEqual({ PERIODIC: 26 * 3_600_000, CRITICAL_ALERTS: 3_600_000 });
    expect(expectedIntervalOf('PERIODIC')).toBe(93_600_000);
  });

  it('is the configured one when given', () => {
    expect(expectedIntervalOf('CRITICAL_ALERTS', { PERIODIC: 1, CRITICAL_ALERTS: 2 })).toBe(2);
  });
});
