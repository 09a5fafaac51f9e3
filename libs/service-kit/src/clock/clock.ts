/** The one source of "now" (API.md "Time"): services never call `new Date()` for business time. */
export interface Clock {
  now(): Date;
}

/**
 * The real time moved by a fixed offset (`CLOCK_OFFSET`), so a test can play
 * "forty days later" by restarting the platform; offset 0 is the real clock.
 */
export class ShiftedClock implements Clock {
  constructor(
    readonly offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}

/** A clock stopped at one instant, for specs. */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at).getTime();
  return { now: () => new Date(instant) };
};
