/**
 * The open-loop arrivals of bench:workflow: flow i starts at `start + i / rate`
 * on a fixed timetable, whether or not the flows before it have finished, so a
 * platform that falls behind builds a queue and its latency shows it (a closed
 * loop would instead slow its arrivals down and hide the queue).
 */

export interface ArrivalClock {
  /** Milliseconds since the epoch (so that they compare with Kafka timestamps and the services' instants). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: ArrivalClock = {
  // High resolution, and on the wall clock the services and the broker stamp their instants with.
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Arrival {
  index: number;
  /** When the timetable says this flow arrives (epoch ms). */
  scheduledAt: number;
  /** How late it actually started: the load generator's own lag, not the platform's. */
  lagMs: number;
}

export interface OpenLoopResult<T> {
  /** Each flow's outcome, by index; a flow that threw holds its error. */
  outcomes: Array<{ ok: true; value: T } | { ok: false; error: unknown }>;
  /** The largest start lag: a generator that lags more than a few ms measures itself, not the platform. */
  maxLagMs: number;
  /** From the first scheduled arrival to the last flow settled. */
  elapsedMs: number;
}

/** The timetable: `count` arrivals `1000 / ratePerSecond` ms apart from `start`. */
export function timetable(count: number, ratePerSecond: number, start: number): number[] {
  if (!(ratePerSecond > 0)) throw new Error(`the arrival rate must be positive, not ${ratePerSecond}`);
  const intervalMs = 1000 / ratePerSecond;
  return Array.from({ length: count }, (_, index) => start + index * intervalMs);
}

/**
 * Starts `flow` for each arrival of the timetable without waiting for the
 * earlier ones, then waits for them all. An arrival whose time has passed
 * (the event loop was busy) starts at once: the timetable is never shifted,
 * so a late start is caught up rather than pushing every later arrival back.
 */
export async function openLoop<T>(
  { count, ratePerSecond, clock = realClock }: { count: number; ratePerSecond: number; clock?: ArrivalClock },
  flow: (arrival: Arrival) => Promise<T>,
): Promise<OpenLoopResult<T>> {
  const start = clock.now();
  const times = timetable(count, ratePerSecond, start);
  const running: Array<Promise<OpenLoopResult<T>['outcomes'][number]>> = [];
  let maxLagMs = 0;
  for (const [index, scheduledAt] of times.entries()) {
    const wait = scheduledAt - clock.now();
    if (wait > 0) await clock.sleep(wait);
    const lagMs = Math.max(0, clock.now() - scheduledAt);
    maxLagMs = Math.max(maxLagMs, lagMs);
    running.push(
      // Started in this tick, not awaited: the next arrival does not wait for it.
      Promise.resolve()
        .then(() => flow({ index, scheduledAt, lagMs }))
        .then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
    );
  }
  const outcomes = await Promise.all(running);
  return { outcomes, maxLagMs, elapsedMs: clock.now() - start };
}
