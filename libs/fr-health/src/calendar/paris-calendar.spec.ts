import { addDays, parisDate, parisMidnight } from './paris-calendar';

const hoursOf = (date: string) => (parisMidnight(addDays(date, 1)).getTime() - parisMidnight(date).getTime()) / 3_600_000;

describe('parisMidnight', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    // The change days themselves start before the change (02:00 / 03:00).
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['2028-02-29', '2028-02-28T23:00:00.000Z'],
  ])('starts %s at %s', (date, instant) => expect(parisMidnight(date).toISOString()).toBe(instant));

  it('is the first instant of its Paris day, whatever the season', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2026-12-31', '2026-06-21']) {
      const midnight = parisMidnight(date);
      expect(parisDate(midnight)).toBe(date);
      expect(parisDate(new Date(midnight.getTime() - 1))).toBe(addDays(date, -1));
    }
  });

  it('gives the change days 23 and 25 hours, the others 24', () => {
    expect(hoursOf('2026-03-29')).toBe(23);
    expect(hoursOf('2026-10-25')).toBe(25);
    expect(hoursOf('2026-03-28')).toBe(24);
    expect(hoursOf('2026-10-26')).toBe(24);
  });

  it.each(['2026-02-30', '2026-3-01', '20260301', ''])('refuses %p', (date) => expect(() => parisMidnight(date)).toThrow(RangeError));
});
