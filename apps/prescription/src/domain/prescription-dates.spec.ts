import { addMonths, endDateOf, parisDate, renewalStartDate } from './prescription-dates';

describe('prescription dates', () => {
  it('takes the calendar date in Europe/Paris', () => {
    expect(parisDate(new Date('2026-03-14T23:30:00.000Z'))).toBe('2026-03-15');
    expect(parisDate(new Date('2026-07-14T21:59:00.000Z'))).toBe('2026-07-14');
    expect(parisDate(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });

  it('ends N months later minus one day', () => {
    expect(endDateOf('2026-03-15', 6)).toBe('2026-09-14');
    expect(endDateOf('2026-01-01', 12)).toBe('2026-12-31');
    expect(endDateOf('2026-08-31', 6)).toBe('2027-02-27');
  });

  it('clamps month arithmetic to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('starts a renewal the day after the renewed one ends, or today if that is past', () => {
    expect(renewalStartDate('2026-09-14', '2026-08-01')).toBe('2026-09-15');
    expect(renewalStartDate('2026-09-14', '2026-10-02')).toBe('2026-10-02');
  });
});
