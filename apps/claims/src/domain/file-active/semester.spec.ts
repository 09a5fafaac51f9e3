import { parsePeriod } from '../billing/period';
import { REFERENCE } from '../billing/billing.fixtures';
import { technicalTranche } from '../tariffs/tariff-table';
import { fileActiveOf, previousSemester, semesterOf } from './semester';

describe('semesters', () => {
  it.each([
    ['2026-04', '2026-04'],
    ['2026-09', '2026-04'],
    ['2026-10', '2026-10'],
    ['2026-12', '2026-10'],
    ['2027-01', '2026-10'],
    ['2027-03', '2026-10'],
  ])('puts %s in the semester %s', (period, semester) => expect(semesterOf(period).id).toBe(semester));

  it('lists its six months, October to March across the year', () => {
    expect(semesterOf('2026-10').months).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(semesterOf(parsePeriod('2026-05')!).months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
  });

  it('goes back one semester', () => {
    expect(previousSemester(semesterOf('2026-10')).id).toBe('2026-04');
    expect(previousSemester(semesterOf('2026-04'))).toEqual({ id: '2025-10', months: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'] });
  });
});

describe('the file active', () => {
  it('averages the six months, a month without patients counting 0', () => {
    expect(fileActiveOf([6000, 6000, 6000, 6000, 6000, 0])).toBe(5000);
    expect(fileActiveOf([])).toBe(0);
    expect(() => fileActiveOf([1, 1, 1, 1, 1, 1, 1])).toThrow(RangeError);
  });

  it('is not yet 5,000 patients at 4,999.5: the tranche floors it', () => {
    const justUnder = fileActiveOf([5000, 5000, 5000, 5000, 5000, 4997]);
    expect(justUnder).toBe(4999.5);
    expect(technicalTranche(REFERENCE, justUnder)).toEqual({ fromPatients: 0, amountCents: 5000 });
    expect(technicalTranche(REFERENCE, fileActiveOf([5000, 5000, 5000, 5000, 5000, 5000]))).toEqual({ fromPatients: 5000, amountCents: 4583 });
  });
});
