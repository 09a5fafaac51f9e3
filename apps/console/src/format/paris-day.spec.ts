import { endOfParisDay } from './paris-day';

describe('the end of a day in Paris, as the instant a certification is valid until', () => {
  it('is 23:59:59.999 Paris time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(endOfParisDay('2027-12-31')).toBe('2027-12-31T22:59:59.999Z');
    expect(endOfParisDay('2027-07-14')).toBe('2027-07-14T21:59:59.999Z');
  });

  it('takes the offset in force at the end of a day the clocks change', () => {
    // 29 March 2026: Paris goes to UTC+2 at 02:00; 25 October 2026: back to UTC+1 at 03:00.
    expect(endOfParisDay('2026-03-29')).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfParisDay('2026-10-25')).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfParisDay('2028-02-29')).toBe('2028-02-29T22:59:59.999Z');
  });

  it('refuses what is not a day', () => {
    expect(() => endOfParisDay('')).toThrow(RangeError);
    expect(() => endOfParisDay('2027-02-30')).toThrow(RangeError);
    expect(() => endOfParisDay('31/12/2027')).toThrow(RangeError);
  });
});
