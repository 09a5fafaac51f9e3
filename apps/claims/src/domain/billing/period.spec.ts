import { enrolmentOfPeriod } from './enrolment-of-period';
import { daysOf, nextPeriod, parsePeriod, periodEnded, periodOf, previousPeriod } from './period';

describe('periods', () => {
  it('is a calendar month in Europe/Paris, from midnight to midnight', () =>
    expect(parsePeriod('2026-03')).toEqual({
      id: '2026-03',
      from: new Date('2026-02-28T23:00:00.000Z'),
      // Summer time from the 29th: April starts at 22:00 UTC.
      to: new Date('2026-03-31T22:00:00.000Z'),
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
    }));

  it.each(['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01', ''])('refuses %p', (text) => expect(parsePeriod(text)).toBeNull());

  it('has the days of its month, a leap February included', () => {
    expect(daysOf(parsePeriod('2028-02')!)).toHaveLength(29);
    expect(daysOf(parsePeriod('2026-02')!)).toHaveLength(28);
    expect(daysOf(parsePeriod('2026-10')!)).toHaveLength(31);
  });

  it('ends at the next month’s Paris midnight', () => {
    const april = parsePeriod('2026-04')!;
    expect(periodEnded(april, new Date('2026-04-30T21:59:59.999Z'))).toBe(false);
    expect(periodEnded(april, new Date('2026-04-30T22:00:00.000Z'))).toBe(true);
  });

  it('finds the month of an instant in Paris, and the months around it across a year', () => {
    expect(periodOf(new Date('2026-12-31T23:30:00.000Z')).id).toBe('2027-01');
    expect(periodOf(new Date('2026-12-31T22:59:59.000Z')).id).toBe('2026-12');
    expect(previousPeriod(parsePeriod('2027-01')!).id).toBe('2026-12');
    expect(nextPeriod(parsePeriod('2026-12')!).id).toBe('2027-01');
  });
});

describe('enrolmentOfPeriod', () => {
  const april = parsePeriod('2026-04')!;
  it('takes an enrolment created before the period ends and not ended before it starts', () => {
    expect(enrolmentOfPeriod({ createdAt: '2026-04-30T21:59:59.999Z', endedAt: null }, april)).toBe(true);
    expect(enrolmentOfPeriod({ createdAt: '2026-04-30T22:00:00.000Z', endedAt: null }, april)).toBe(false);
    expect(enrolmentOfPeriod({ createdAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-03-31T22:00:00.000Z' }, april)).toBe(true);
    expect(enrolmentOfPeriod({ createdAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-03-31T21:59:59.999Z' }, april)).toBe(false);
  });
});
