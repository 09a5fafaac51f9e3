import { addDays, daysBetween } from '@app/fr-health';

/** One month of an enrolment's `observance` (API.md "Enrolment"). */
export interface ObservanceMonth {
  month: number;
  from: string;
  to: string;
  daysWithData: number;
  days: number;
}

/** The platform's Paris day as an answer shows it; `atLeast` when the answer only shows that it is that day or later. */
export interface PlatformDay {
  day: string;
  atLeast: boolean;
}

/**
 * The platform's Paris day, read from an enrolment's observance without
 * writing anything: the enrolment service counts each month's `days` up to
 * today on its own clock (the platform's), so the latest month's first day
 * plus its days elapsed, less one, is today. A first month whose days are
 * all elapsed ends today: the second would have started otherwise (the
 * service lists the months that have started). Once the second month is over
 * too, only "that day or later" can be read. Null before any observance
 * (no transmission yet).
 */
export function platformDayFromObservance(observance: readonly ObservanceMonth[] | undefined): PlatformDay | null {
  const latest = observance?.length ? observance[observance.length - 1] : undefined;
  if (!latest || latest.days < 1) return null;
  const length = daysBetween(latest.from, latest.to) + 1;
  return { day: addDays(latest.from, latest.days - 1), atLeast: latest.month === 2 && latest.days >= length };
}

/** How far the platform's clock is ahead of the real time, from a platform timestamp read in an answer received at `receivedAt`. */
export const platformShiftMs = (platformTime: string, receivedAt: Date): number => Date.parse(platformTime) - receivedAt.getTime();
