import { clockOffsetMs, clockOffsetTo } from './clock-offset';

describe('clockOffsetTo (the CLOCK_OFFSET that makes the platform clock read a given instant)', () => {
  const now = new Date('2026-12-01T22:00:00.000Z');

  it('goes back months in whole minutes, a format the services accept', () => {
    const offset = clockOffsetTo(new Date('2026-10-02T07:00:00.000Z'), now);
    expect(offset).toBe('-87300m');
    expect(now.getTime() + clockOffsetMs(offset)).toBe(Date.parse('2026-10-02T07:00:00.000Z'));
  });

  it('goes forward, rounds to the nearest minute, and says 0 for now', () => {
    expect(clockOffsetTo(new Date('2026-12-03T22:00:29.000Z'), now)).toBe('+2880m');
    expect(clockOffsetTo(now, now)).toBe('0');
  });

  it('refuses what six digits of minutes cannot reach, and an offset that is not one', () => {
    expect(() => clockOffsetTo(new Date('2029-01-01T00:00:00.000Z'), now)).toThrow(/too far/);
    expect(() => clockOffsetMs('two days')).toThrow(/CLOCK_OFFSET "two days"/);
    expect(clockOffsetMs(undefined)).toBe(0);
  });
});
