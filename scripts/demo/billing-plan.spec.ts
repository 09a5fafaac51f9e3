import { lastDayOf, periodOverOn, planBilling } from './billing-plan';

describe('the month the demo bills', () => {
  it('bills the activation month when at least ten of its Paris days remain, the activation day included', () => {
    // 22 December, 11:00 in Paris: 22..31 are ten days.
    expect(planBilling(new Date('2026-12-22T10:00:00.000Z'))).toEqual({
      period: '2026-12',
      firstBillableDay: '2026-12-22',
      lastDay: '2026-12-31',
      billableDays: 10,
      periodEnd: '2026-12-31T23:00:00.000Z',
      target: '2027-01-01T01:00:00.000Z',
    });
  });

  it('bills the next month, whole, when fewer days remain', () => {
    expect(planBilling(new Date('2026-12-23T10:00:00.000Z'))).toEqual({
      period: '2027-01',
      firstBillableDay: '2027-01-01',
      lastDay: '2027-01-31',
      billableDays: 31,
      periodEnd: '2027-01-31T23:00:00.000Z',
      target: '2027-02-01T01:00:00.000Z',
    });
  });

  it('reads the day in Paris: 23:30 UTC on 30 November is already 1 December there', () => {
    expect(planBilling(new Date('2026-11-30T23:30:00.000Z'))).toMatchObject({ period: '2026-12', firstBillableDay: '2026-12-01', billableDays: 31 });
  });

  it('ends a summer month at its Paris midnight (UTC+2) and crosses a year', () => {
    expect(planBilling(new Date('2026-07-15T08:00:00.000Z'))).toMatchObject({ period: '2026-07', periodEnd: '2026-07-31T22:00:00.000Z', billableDays: 17 });
    expect(planBilling(new Date('2026-12-31T08:00:00.000Z')).period).toBe('2027-01');
  });

  it('follows another minimum', () => {
    expect(planBilling(new Date('2026-12-30T10:00:00.000Z'), 2)).toMatchObject({ period: '2026-12', billableDays: 2 });
    expect(planBilling(new Date('2026-12-30T10:00:00.000Z'), 3).period).toBe('2027-01');
  });

  it('knows the last day of every month, February of a leap year included', () => {
    expect(['2028-02', '2027-02', '2026-04', '2026-12'].map(lastDayOf)).toEqual(['2028-02-29', '2027-02-28', '2026-04-30', '2026-12-31']);
  });

  it('calls a month over from the Paris day after its last', () => {
    const plan = { lastDay: '2026-12-31' };
    expect([periodOverOn(plan, '2026-12-31'), periodOverOn(plan, '2027-01-01'), periodOverOn(plan, '2027-02-10')]).toEqual([false, true, true]);
  });
});
