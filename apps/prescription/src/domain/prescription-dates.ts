/**
 * Calendar dates (YYYY-MM-DD) of prescriptions. A prescription's dates are
 * days in Europe/Paris, where it is written and billed, whatever the server's
 * time zone.
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

/**
 * The last day a prescription covers: start + N months - 1 day, so a 6-month
 * prescription starting on 15 March covers 15 March to 14 September inclusive
 * and its renewal starts on 15 September.
 */
export const endDateOf = (startDate: string, durationMonths: number): string => addDays(addMonths(startDate, durationMonths), -1);

/** A renewal starts the day after the renewed one ends, or today when that day is past. */
export function renewalStartDate(renewedEndDate: string, today: string): string {
  const next = addDays(renewedEndDate, 1);
  return next > today ? next : today;
}
