const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A whole number of days reads best (`+31d`), but it may overshoot the target
 * by up to a day; beyond this much, hours keep the clock close to the target
 * (inside the billing grace, see billing-plan.ts).
 */
export const DAYS_OVERSHOOT_LIMIT_MS = 10 * HOUR_MS;

/** A CLOCK_OFFSET (API.md "Time") and what it adds to the real time. */
export interface ClockOffset {
  text: string;
  ms: number;
}

/**
 * The CLOCK_OFFSET that puts a platform started now (`realNow`, the machine's
 * real time: CLOCK_OFFSET is counted from it, never from the clock of the
 * platform running now) at `target` or a little after; null when the real
 * time is already past the target (a platform started without any offset is
 * enough).
 */
export function clockOffsetToReach(target: Date, realNow: Date): ClockOffset | null {
  const gap = target.getTime() - realNow.getTime();
  if (gap <= 0) return null;
  const days = Math.ceil(gap / DAY_MS);
  if (days * DAY_MS - gap <= DAYS_OVERSHOOT_LIMIT_MS) return { text: `+${days}d`, ms: days * DAY_MS };
  const hours = Math.ceil(gap / HOUR_MS);
  return { text: `+${hours}h`, ms: hours * HOUR_MS };
}

/** How far the running platform's clock is from the real time, as people read it ("+3d 4h", "none"). */
export function describeShift(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return 'none';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', rest && !days ? `${rest}m` : ''].filter(Boolean);
  return `${ms < 0 ? '-' : '+'}${parts.join(' ')}`;
}
