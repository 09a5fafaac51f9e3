import { addDays, parisDate, parisMidnight } from '@app/fr-health';

/** A billed month: a calendar month in Europe/Paris. */
export interface Period {
  /** YYYY-MM. */
  id: string;
  /** Its first instant: the first day's Paris midnight. */
  from: Date;
  /** The instant after it (exclusive): the next month's first Paris midnight. */
  to: Date;
  /** YYYY-MM-DD, both inclusive. */
  firstDay: string;
  lastDay: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthAfter = (id: string): string => {
  const [year, month] = id.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
};

const monthBefore = (id: string): string => {
  const [year, month] = id.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};

function periodFrom(id: string): Period {
  const next = `${monthAfter(id)}-01`;
  return { id, from: parisMidnight(`${id}-01`), to: parisMidnight(next), firstDay: `${id}-01`, lastDay: addDays(next, -1) };
}

/** The period a YYYY-MM names, or null for anything else. */
export const parsePeriod = (text: string): Period | null => (typeof text === 'string' && PERIOD.test(text) ? periodFrom(text) : null);

/** A month is over once its last Paris day is. */
export const periodEnded = (period: Period, now: Date): boolean => now.getTime() >= period.to.getTime();

export const previousPeriod = (period: Period): Period => periodFrom(monthBefore(period.id));

export const nextPeriod = (period: Period): Period => periodFrom(monthAfter(period.id));

/** The month an instant falls in, in Paris (31 December 23:30 UTC is already January there). */
export const periodOf = (now: Date): Period => periodFrom(parisDate(now).slice(0, 7));

/** The period's days, in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = addDays(day, 1)) days.push(day);
  return days;
}
