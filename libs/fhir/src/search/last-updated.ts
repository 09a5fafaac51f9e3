/** `_lastUpdated` as a half-open range of instants: `from` inclusive, `to` exclusive. */
export interface InstantRange {
  from?: Date;
  to?: Date;
}

const PREFIXES = ['eq', 'ge', 'gt', 'le', 'lt'] as const;
type Prefix = (typeof PREFIXES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One `_lastUpdated` value: the span its precision names (a day, a second, a
 * millisecond), then the prefix takes a side of it, as FHIR's search on dates
 * says (`ge2026-01-01` from the day's start, `le2026-01-01` to its end).
 * Returns the reason when the value is not a date FHIR allows.
 */
export function lastUpdatedRange(raw: string): InstantRange | string {
  const prefix = PREFIXES.find((candidate) => raw.startsWith(candidate)) ?? 'eq';
  const value = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
  const span = spanOf(value);
  if (!span) return `'${raw}' is not a date (YYYY-MM-DD) or a date-time with its time zone, after an optional prefix ${PREFIXES.join(', ')}`;
  return sideOf(prefix, span);
}

/** Several `_lastUpdated` values all hold: the narrowest range. */
export function intersect(ranges: InstantRange[]): InstantRange {
  const later = (a?: Date, b?: Date) => (!a ? b : !b ? a : a > b ? a : b);
  const earlier = (a?: Date, b?: Date) => (!a ? b : !b ? a : a < b ? a : b);
  return ranges.reduce<InstantRange>((acc, range) => ({ from: later(acc.from, range.from), to: earlier(acc.to, range.to) }), {});
}

function spanOf(value: string): { start: Date; end: Date } | undefined {
  if (DATE.test(value)) {
    const start = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== value) return undefined;
    return { start, end: new Date(start.getTime() + 86_400_000) };
  }
  if (!DATE_TIME.test(value)) return undefined;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) return undefined;
  const precision = value.includes('.') ? 1 : /T\d{2}:\d{2}:\d{2}/.test(value) ? 1_000 : 60_000;
  return { start, end: new Date(start.getTime() + precision) };
}

function sideOf(prefix: Prefix, { start, end }: { start: Date; end: Date }): InstantRange {
  switch (prefix) {
    case 'eq':
      return { from: start, to: end };
    case 'ge':
      return { from: start };
    case 'gt':
      return { from: end };
    case 'le':
      return { to: end };
    case 'lt':
      return { to: start };
  }
}
