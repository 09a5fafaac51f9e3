import { addDays } from '@app/fr-health';
import { lowObservanceMonths, observanceOf } from './observance';

/** Every day from `from` to `to` inclusive. */
const daysFrom = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};
const every = (step: number, days: string[]) => days.filter((_, i) => i % step === 0);

describe('observanceOf', () => {
  const activatedAt = '2026-01-10T09:00:00.000Z';

  it('has no month before the activation day', () => {
    expect(observanceOf({ activatedAt, daysWithData: [], today: '2026-01-09' })).toEqual([]);
  });

  it('counts the elapsed days of month 1, today included', () => {
    expect(observanceOf({ activatedAt, daysWithData: ['2026-01-10', '2026-01-12', '2026-01-30'], today: '2026-01-12' })).toEqual([
      { month: 1, from: '2026-01-10', to: '2026-02-09', daysWithData: 2, days: 3 },
    ]);
  });

  it('gives month 1 whole and month 2 so far once month 2 has started', () => {
    const data = [...daysFrom('2026-01-10', '2026-02-09'), '2026-02-10', '2026-02-12'];
    expect(observanceOf({ activatedAt, daysWithData: data, today: '2026-02-12' })).toEqual([
      { month: 1, from: '2026-01-10', to: '2026-02-09', daysWithData: 31, days: 31 },
      { month: 2, from: '2026-02-10', to: '2026-03-09', daysWithData: 2, days: 3 },
    ]);
  });

  it('stops at month 2 and ignores days outside both months', () => {
    const months = observanceOf({ activatedAt, daysWithData: ['2026-01-09', '2026-03-10', '2026-04-01'], today: '2026-06-01' });
    expect(months).toEqual([
      { month: 1, from: '2026-01-10', to: '2026-02-09', daysWithData: 0, days: 31 },
      { month: 2, from: '2026-02-10', to: '2026-03-09', daysWithData: 0, days: 28 },
    ]);
  });

  it('counts a day given twice once', () => {
    expect(observanceOf({ activatedAt, daysWithData: ['2026-01-10', '2026-01-10'], today: '2026-01-10' })[0].daysWithData).toBe(1);
  });

  it('starts on the activation day in Paris: late evening UTC is the next day there', () => {
    expect(observanceOf({ activatedAt: '2026-01-31T23:30:00.000Z', daysWithData: [], today: '2026-02-01' })).toEqual([
      { month: 1, from: '2026-02-01', to: '2026-02-28', daysWithData: 0, days: 1 },
    ]);
  });

  it('clamps to the end of shorter months, both months counted from the activation day', () => {
    const months = observanceOf({ activatedAt: '2026-01-31T10:00:00.000Z', daysWithData: [], today: '2026-04-15' });
    expect(months.map(({ from, to, days }) => ({ from, to, days }))).toEqual([
      { from: '2026-01-31', to: '2026-02-27', days: 28 },
      { from: '2026-02-28', to: '2026-03-30', days: 31 },
    ]);
  });

  it('counts the DST change days as one calendar day each', () => {
    // Month 1 from 29 March 2026 (23 hours in Paris), month 2 holds no change; one activated on
    // 25 October 2026 (25 hours) likewise. Activation just after midnight Paris time.
    const spring = observanceOf({ activatedAt: '2026-03-28T23:30:00.000Z', daysWithData: ['2026-03-29'], today: '2026-05-30' });
    expect(spring.map(({ from, to, days, daysWithData }) => ({ from, to, days, daysWithData }))).toEqual([
      { from: '2026-03-29', to: '2026-04-28', days: 31, daysWithData: 1 },
      { from: '2026-04-29', to: '2026-05-28', days: 30, daysWithData: 0 },
    ]);
    const autumn = observanceOf({ activatedAt: '2026-10-24T22:30:00.000Z', daysWithData: ['2026-10-25', '2026-10-26'], today: '2026-10-26' });
    expect(autumn).toEqual([{ month: 1, from: '2026-10-25', to: '2026-11-24', daysWithData: 2, days: 2 }]);
  });
});

describe('lowObservanceMonths', () => {
  const activatedAt = '2026-01-10T09:00:00.000Z';
  const month1 = daysFrom('2026-01-10', '2026-02-09'); // 31 days

  it('names a month that is over with data on fewer than half its days', () => {
    const months = observanceOf({ activatedAt, daysWithData: every(3, month1), today: '2026-02-10' }); // 11 of 31
    expect(lowObservanceMonths(months, '2026-02-10')).toEqual([{ month: 1, from: '2026-01-10', to: '2026-02-09', daysWithData: 11, days: 31 }]);
  });

  it('does not name a month that is not over, however low so far', () => {
    const months = observanceOf({ activatedAt, daysWithData: [], today: '2026-02-09' });
    expect(lowObservanceMonths(months, '2026-02-09')).toEqual([]);
  });

  it('does not name a month with data on half its days or more', () => {
    const half = { month: 1 as const, from: '2026-02-10', to: '2026-03-09', daysWithData: 14, days: 28 };
    expect(lowObservanceMonths([half], '2026-03-10')).toEqual([]);
    expect(lowObservanceMonths([{ ...half, daysWithData: 13 }], '2026-03-10')).toHaveLength(1);
  });

  it('names both months when both ended low', () => {
    const months = observanceOf({ activatedAt, daysWithData: every(4, daysFrom('2026-01-10', '2026-03-09')), today: '2026-03-20' });
    expect(lowObservanceMonths(months, '2026-03-20').map((m) => m.month)).toEqual([1, 2]);
  });
});
