import { tryParseClockOffset } from '../../../libs/service-kit/src/clock/clock-offset';

/**
 * The CLOCK_OFFSET (API.md "Time") that makes the platform's "now" `target`,
 * in whole minutes (the format allows at most six digits: seconds would not
 * reach months away). Rounded, so the platform's clock lands within 30 s of it.
 */
export function clockOffsetTo(target: Date, now: Date = new Date()): string {
  const minutes = Math.round((target.getTime() - now.getTime()) / 60_000);
  if (Math.abs(minutes) > 999_999) throw new Error(`${target.toISOString()} is too far from now for CLOCK_OFFSET`);
  return minutes === 0 ? '0' : `${minutes > 0 ? '+' : '-'}${Math.abs(minutes)}m`;
}

/** The offset in ms (the platform's "now" is Date.now() + this); 0 when unset. */
export function clockOffsetMs(offset: string | undefined): number {
  const ms = tryParseClockOffset(offset);
  if (ms === null) throw new Error(`CLOCK_OFFSET "${offset}" is not an offset like +40d, -2h, +30m`);
  return ms;
}
