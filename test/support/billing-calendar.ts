import { addDays, parisDate } from '@app/fr-health';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The instant a Paris calendar day starts (00:00 Europe/Paris, 23 h or 25 h days included). */
export function parisMidnightOf(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  // Paris is UTC+1 or UTC+2: its midnight is one of these two instants.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * HOUR_MS);
    if (parisDate(candidate) === date && parisDate(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  throw new Error(`no Paris midnight found for ${date}`);
}

/** The period (YYYY-MM, Europe/Paris) `monthsBack` months before the one of `now`. */
export function periodBefore(monthsBack: number, now: Date = new Date()): string {
  const [year, month] = parisDate(now).split('-').map(Number);
  const index = year * 12 + (month - 1) - monthsBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const firstDayOf = (period: string): string => `${period}-01`;

/** The last Paris day of a period. */
export function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Every Paris day of a period from `from` (inclusive) to its end. */
export function daysFrom(from: string, period: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= lastDayOf(period); day = addDays(day, 1)) days.push(day);
  return days;
}

/** `hours` after the Paris midnight of `day` of `period` (e.g. the 3rd at 10:00). */
export const parisInstant = (period: string, day: number, hours = 0): Date =>
  new Date(parisMidnightOf(`${period}-${String(day).padStart(2, '0')}`).getTime() + hours * HOUR_MS);

/** The semester id (DOMAIN.md: April-September `YYYY-04`, October-March `YYYY-10`) of a period. */
export function semesterOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  if (month >= 4 && month <= 9) return `${year}-04`;
  return month >= 10 ? `${year}-10` : `${year - 1}-10`;
}

/** A payee no other test has (libs/testing). */
export { randomSiret } from '@app/testing';

/** Half up on integer cents (DOMAIN.md): the AMO share of a line. */
export const amoShare = (cents: number, ratePercent: number): number => Math.floor((cents * ratePercent + 50) / 100);
