import { formatDateTime, formatDay, formatPeriod, isoToParisWallTime, parisWallTimeToIso } from './dates';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('dates in Europe/Paris', () => {
  it('shows an instant at its Paris time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(plain(formatDateTime('2026-01-15T08:30:00.000Z', 'fr'))).toBe('15 janv. 2026, 09:30');
    expect(plain(formatDateTime('2026-07-15T08:30:00.000Z', 'fr'))).toBe('15 juil. 2026, 10:30');
    expect(plain(formatDateTime('2026-07-15T08:30:00.000Z', 'en'))).toBe('15 Jul 2026, 10:30');
  });

  it('an instant late on the 31st in UTC is already the 1st in Paris', () => {
    expect(formatDay('2026-03-31T22:30:00.000Z', 'fr')).toBe('1 avr. 2026');
  });

  it('a day-only field stays that day', () => {
    expect(formatDay('2026-03-31', 'fr')).toBe('31 mars 2026');
    expect(formatDay('2026-03-31', 'en')).toBe('31 Mar 2026');
  });

  it('a billing period is its month', () => {
    expect(formatPeriod('2026-03', 'fr')).toBe('mars 2026');
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
  });

  it('reads a typed wall time as Paris time, on both sides of the DST change', () => {
    expect(parisWallTimeToIso('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(parisWallTimeToIso('2026-07-15T10:30')).toBe('2026-07-15T08:30:00.000Z');
    // 29 March 2026: 02:00 becomes 03:00 in Paris.
    expect(parisWallTimeToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(parisWallTimeToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('round-trips a field value', () => {
    expect(isoToParisWallTime('2026-07-15T08:30:00.000Z')).toBe('2026-07-15T10:30');
    expect(isoToParisWallTime(parisWallTimeToIso('2026-11-02T23:05'))).toBe('2026-11-02T23:05');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDateTime('yesterday', 'fr')).toThrow(RangeError);
    expect(() => parisWallTimeToIso('2026-13')).toThrow(RangeError);
  });
});
