import type { Period } from '../billing/period';

/**
 * A semester of the file active: April-September (id `YYYY-04`) or
 * October-March (id `YYYY-10`, 2026-10 = October 2026 to March 2027).
 */
export interface Semester {
  id: string;
  /** Its six months, YYYY-MM, in order. */
  months: string[];
}

export const SEMESTER_MONTHS = 6;

const monthId = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

function semesterStarting(year: number, firstMonth: 4 | 10): Semester {
  const months = Array.from({ length: SEMESTER_MONTHS }, (_, i) => {
    const month = firstMonth + i;
    return month > 12 ? monthId(year + 1, month - 12) : monthId(year, month);
  });
  return { id: monthId(year, firstMonth), months };
}

/** The semester a period (YYYY-MM, or a Period) belongs to. */
export function semesterOf(period: string | Pick<Period, 'id'>): Semester {
  const id = typeof period === 'string' ? period : period.id;
  const [year, month] = id.split('-').map(Number);
  if (month >= 4 && month <= 9) return semesterStarting(year, 4);
  return month >= 10 ? semesterStarting(year, 10) : semesterStarting(year - 1, 10);
}

export function previousSemester(semester: Semester): Semester {
  const [year, month] = semester.id.split('-').map(Number);
  return month === 4 ? semesterStarting(year - 1, 10) : semesterStarting(year, 4);
}

/**
 * The file active: the monthly average of the patients billed over a
 * semester's six months (a month with none counts 0, so does a semester
 * before the device's first claim). Not rounded: the tranche floors it.
 */
export function fileActiveOf(monthlyCounts: readonly number[]): number {
  if (monthlyCounts.length > SEMESTER_MONTHS) throw new RangeError(`a semester has ${SEMESTER_MONTHS} months, not ${monthlyCounts.length}`);
  return monthlyCounts.reduce((sum, count) => sum + count, 0) / SEMESTER_MONTHS;
}
