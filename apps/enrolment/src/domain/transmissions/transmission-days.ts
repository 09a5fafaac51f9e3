import { parisDate } from '@app/fr-health';
import { toIso, toMs } from './instants';

/** A Paris calendar day on which data came: what billing and observance read. */
export interface TransmissionDay {
  /** YYYY-MM-DD in Europe/Paris. */
  day: string;
  transmissions: number;
  firstAt: string;
  lastAt: string;
}

/** The instants grouped by their day in Europe/Paris (whatever the server's zone), in day order. */
export function transmissionDaysOf(instants: readonly string[]): TransmissionDay[] {
  const days = new Map<string, { transmissions: number; firstMs: number; lastMs: number }>();
  for (const instant of instants) {
    const ms = toMs(instant);
    const day = parisDate(new Date(ms));
    const seen = days.get(day);
    if (!seen) days.set(day, { transmissions: 1, firstMs: ms, lastMs: ms });
    else {
      seen.transmissions += 1;
      seen.firstMs = Math.min(seen.firstMs, ms);
      seen.lastMs = Math.max(seen.lastMs, ms);
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, { transmissions, firstMs, lastMs }]) => ({ day, transmissions, firstAt: toIso(firstMs), lastAt: toIso(lastMs) }));
}
