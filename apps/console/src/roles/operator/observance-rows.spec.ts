import { observanceRows } from './observance-rows';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('observanceRows: days with data over days, as a percentage', () => {
  it('shows each month in order, rounded to the unit, French and English', () => {
    const months = [
      { month: 2, from: '2026-04-02', to: '2026-05-01', daysWithData: 10, days: 30 },
      { month: 1, from: '2026-03-02', to: '2026-04-01', daysWithData: 21, days: 31 },
    ];
    const fr = observanceRows(months, 'fr');
    expect(fr.map((row) => [row.month, plain(row.percent), row.low])).toEqual([
      [1, '68 %', false],
      [2, '33 %', true],
    ]);
    expect(observanceRows(months, 'en').map((row) => row.percent)).toEqual(['68%', '33%']);
  });

  it('is low strictly below half, and not low before any day elapsed', () => {
    expect(observanceRows([{ month: 1, from: 'a', to: 'b', daysWithData: 5, days: 10 }], 'fr')[0]).toMatchObject({ ratio: 0.5, low: false });
    expect(observanceRows([{ month: 1, from: 'a', to: 'b', daysWithData: 4, days: 10 }], 'fr')[0].low).toBe(true);
    expect(observanceRows([{ month: 1, from: 'a', to: 'b', daysWithData: 0, days: 0 }], 'fr')[0]).toMatchObject({ ratio: 0, low: false });
    expect(plain(observanceRows([{ month: 1, from: 'a', to: 'b', daysWithData: 1, days: 1 }], 'fr')[0].percent)).toBe('100 %');
  });
});
