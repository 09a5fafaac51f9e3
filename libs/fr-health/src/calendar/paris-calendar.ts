/**
 * Calendar dates (YYYY-MM-DD) of French health care: a prescription's dates,
 * a day of monitoring, a billed month are days in Europe/Paris, where they
 * are written and billed, whatever the server's time zone.
 */
const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export const parisDate = (instant: Date): string => PARIS_DATE.format(instant);

const toUtc = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
const format = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const day = toUtc(date);
  day.setUTCDate(day.getUTCDate() + days);
  return format(day);
}

/** Adds calendar months, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const day = toUtc(date);
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return format(target);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): 0 for the same day. */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);

/** Age in whole years on a date (both YYYY-MM-DD): a birthday counts from its day. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

// Europe/Paris wall clock of an instant, to find its offset from UTC (one or two hours, by the season).
const PARIS_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parisOffsetMs(instantMs: number): number {
  const parts = Object.fromEntries(PARIS_WALL_CLOCK.formatToParts(new Date(instantMs)).map((part) => [part.type, part.value]));
  const wallClockAsUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wallClockAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a Paris calendar day (YYYY-MM-DD) starts. Paris changes its
 * clocks at 02:00 or 03:00, never at midnight, so every day has exactly one
 * midnight; a day is 23 or 25 hours long on the change days, and measuring
 * it from one midnight to the next is what makes those days count once.
 */
export function parisMidnight(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || format(toUtc(date)) !== date) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const utcMidnight = toUtc(date).getTime();
  // The offset at UTC midnight may be the day before's (the change happens at night): ask again at the answer.
  const guess = utcMidnight - parisOffsetMs(utcMidnight);
  return new Date(utcMidnight - parisOffsetMs(guess));
}
