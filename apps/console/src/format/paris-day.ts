import { parisWallTimeToIso } from './dates';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The last instant of a calendar day in Paris (`YYYY-MM-DD`, as a date input
 * gives it), as the UTC instant the API takes: a certification "valid until
 * the 31st" covers all of the 31st as a French user lives it. Found as the
 * next day's Paris midnight less a millisecond, so a DST change (at 2 or 3
 * in the morning, never at midnight in Paris) is taken into account.
 */
export function endOfParisDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [year, month, date] = match.slice(1).map(Number);
  const utcNoon = new Date(Date.UTC(year, month - 1, date, 12));
  // Date.UTC rolls 30 February over to March: a day that does not exist is refused, not moved.
  if (utcNoon.getUTCFullYear() !== year || utcNoon.getUTCMonth() !== month - 1 || utcNoon.getUTCDate() !== date) throw new RangeError(`not a day: ${day}`);
  const nextDay = new Date(utcNoon.getTime() + 24 * 3_600_000).toISOString().slice(0, 10);
  return new Date(new Date(parisWallTimeToIso(`${nextDay}T00:00`)).getTime() - 1).toISOString();
}
