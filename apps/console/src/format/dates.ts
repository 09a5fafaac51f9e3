import { intlLocale, PARIS, type Language } from './locale';

/** An instant (UTC ISO 8601, as the API gives it) as a date and time in Paris. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: PARIS, dateStyle: 'medium', timeStyle: 'short' }).format(instant(iso));
}

/**
 * A calendar day. The API's day-only fields (`startDate`, `validUntil`:
 * `YYYY-MM-DD`) are days, not instants: shown as they are, never moved by a
 * zone. An instant is shown as its day in Paris.
 */
export function formatDay(value: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const zone = day ? 'UTC' : PARIS;
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: zone, dateStyle: 'medium' }).format(day ? new Date(`${value}T00:00:00Z`) : instant(value));
}

/** A billing period `YYYY-MM` as its month: "mars 2026". */
export function formatPeriod(period: string, language: Language): string {
  if (!/^\d{4}-\d{2}$/.test(period)) return period;
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${period}-01T00:00:00Z`));
}

/**
 * What a user types in a date-time field (`YYYY-MM-DDTHH:mm`, wall time in
 * Paris, whatever the browser's zone) as the UTC instant the API takes.
 * Across a DST change the offset is the one in force at that wall time.
 */
export function parisWallTimeToIso(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new RangeError(`not a date and time: ${local}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset at the wall time, found from the guess's own offset (twice: the guess may sit across the change).
  let utc = asUtc - parisOffsetMs(asUtc);
  utc = asUtc - parisOffsetMs(utc);
  return new Date(utc).toISOString();
}

/** An instant as the `YYYY-MM-DDTHH:mm` of a date-time field, in Paris. */
export function isoToParisWallTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function parisOffsetMs(utcMs: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: PARIS, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(utcMs))
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(utcMs / 1000) * 1000;
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return date;
}
