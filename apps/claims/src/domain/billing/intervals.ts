/*
 * Time as sets of half-open intervals [start, end) of epoch milliseconds, end
 * possibly +Infinity (an open incident, a step never closed). Billable days
 * are intersections and unions of these, taken once, then read day by day.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint, non-empty: what every function here returns. */
export type Intervals = readonly Interval[];

export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.start < interval.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function intersect(a: Intervals, b: Intervals): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) result.push({ start, end });
    if (a[i].end < b[j].end) i += 1;
    else j += 1;
  }
  return result;
}

export const intersectAll = (first: Intervals, ...others: Intervals[]): Interval[] => others.reduce<Interval[]>((acc, next) => intersect(acc, next), [...first]);

/** Some instant of the span is in the set. */
export const overlaps = (set: Intervals, span: Interval): boolean => set.some((interval) => interval.start < span.end && span.start < interval.end);

/** Every instant of the span is in the set (the set being disjoint, one interval holds it all). */
export const covers = (set: Intervals, span: Interval): boolean => set.some((interval) => interval.start <= span.start && span.end <= interval.end);

export const toMs = (instant: string): number => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return ms;
};
