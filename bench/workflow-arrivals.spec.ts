import { openLoop, timetable, type Arrival, type ArrivalClock } from './workflow-arrivals';

/** Virtual time: a sleep moves the clock on by what was asked plus `overshootMs` (a busy event loop). */
function virtualClock(overshootMs = 0): ArrivalClock & { set(ms: number): void } {
  let now = 1_000;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms + overshootMs;
    },
    set: (ms) => (now = ms),
  };
}

describe('the open-loop timetable', () => {
  it('spaces arrivals 1 / rate apart from the start', () => {
    expect(timetable(4, 50, 100)).toEqual([100, 120, 140, 160]);
    expect(() => timetable(1, 0, 0)).toThrow('the arrival rate must be positive');
  });

  it('starts every flow on time while none of them has finished (arrivals do not wait for earlier flows)', async () => {
    const clock = virtualClock();
    const started: Arrival[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loop = openLoop({ count: 5, ratePerSecond: 100, clock }, async (arrival) => {
      started.push(arrival);
      await gate;
      return arrival.index * 10;
    });
    // Every arrival was started although the first flow is still held.
    await new Promise((resolve) => setImmediate(resolve));
    expect(started.map((a) => a.scheduledAt)).toEqual([1_000, 1_010, 1_020, 1_030, 1_040]);
    expect(started.map((a) => a.lagMs)).toEqual([0, 0, 0, 0, 0]);
    release();
    const result = await loop;
    expect(result.outcomes).toEqual([0, 10, 20, 30, 40].map((value) => ({ ok: true, value })));
    expect(result.maxLagMs).toBe(0);
  });

  it('catches up a late start without shifting the later arrivals, and reports the lag', async () => {
    // Each sleep overshoots by 25 ms: arrivals due meanwhile start at once, on the original timetable.
    const clock = virtualClock(25);
    const started: Arrival[] = [];
    const result = await openLoop({ count: 4, ratePerSecond: 100, clock }, async (arrival) => void started.push(arrival));
    expect(started.map((a) => a.scheduledAt)).toEqual([1_000, 1_010, 1_020, 1_030]);
    // 1010 slept to 1035: 1010, 1020 and 1030 all started at 1035.
    expect(started.map((a) => a.lagMs)).toEqual([0, 25, 15, 5]);
    expect(result.maxLagMs).toBe(25);
  });

  it('keeps a failed flow as its outcome instead of stopping the others', async () => {
    const result = await openLoop({ count: 3, ratePerSecond: 10, clock: virtualClock() }, async ({ index }) => {
      if (index === 1) throw new Error('refused');
      return index;
    });
    expect(result.outcomes[0]).toEqual({ ok: true, value: 0 });
    expect(result.outcomes[1]).toMatchObject({ ok: false, error: new Error('refused') });
    expect(result.outcomes[2]).toEqual({ ok: true, value: 2 });
  });
});
