import { addDays, addMonths, daysBetween, parisDate } from '@app/fr-health';

/** One of the first two months of monitoring: the days with at least one transmission among those elapsed. */
export interface ObservanceMonth {
  month: 1 | 2;
  /** First and last day of the month (YYYY-MM-DD, Europe/Paris, both inclusive). */
  from: string;
  to: string;
  daysWithData: number;
  /** The month's days elapsed so far, today included; all of them once it is over. */
  days: number;
}

export interface ObservanceInput {
  /** The activation instant: month 1 starts on its day in Paris. */
  activatedAt: string;
  /** The Paris days on which data came (YYYY-MM-DD). */
  daysWithData: Iterable<string>;
  /** Today in Paris (YYYY-MM-DD), from the platform clock. */
  today: string;
}

/** Below this share of days with data at a month's end, the prescriber is told (DOMAIN.md). */
export const OBSERVANCE_THRESHOLD = 0.5;

/**
 * Observance of months 1 and 2 that have started. Month 1 runs from the
 * activation's day to the same day a calendar month later (excluded), month
 * 2 the calendar month after (both counted from the activation's day, so 31
 * January gives 31 Jan - 27 Feb, then 28 Feb - 30 Mar). Days are calendar
 * days: a day of a DST change counts once, like any other.
 */
export function observanceOf(input: ObservanceInput): ObservanceMonth[] {
  const start = parisDate(new Date(input.activatedAt));
  const withData = [...new Set(input.daysWithData)];
  const months: ObservanceMonth[] = [];
  for (const month of [1, 2] as const) {
    const from = addMonths(start, month - 1);
    const to = addDays(addMonths(start, month), -1);
    if (input.today < from) break;
    const until = input.today < to ? input.today : to;
    months.push({
      month,
      from,
      to,
      daysWithData: withData.filter((day) => day >= from && day <= until).length,
      days: daysBetween(from, until) + 1,
    });
  }
  return months;
}

/** The months that are over (today is past their last day) with data on fewer than half their days. */
export const lowObservanceMonths = (months: readonly ObservanceMonth[], today: string, threshold = OBSERVANCE_THRESHOLD): ObservanceMonth[] =>
  months.filter((month) => today > month.to && month.daysWithData < threshold * month.days);
