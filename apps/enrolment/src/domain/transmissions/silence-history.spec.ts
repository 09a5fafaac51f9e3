import { DEFAULT_EXPECTED_INTERVALS } from './expected-interval';
import type { IncidentChanges, SilenceChanges, StoredSilence } from './silence';
import { planMonitoringStop } from './monitoring-stop';
import { planSweep } from './silence-sweep';
import { planTransmissions } from './transmission-plan';
import type { TransmissionMarks } from './transmission-marks';

/*
 * Whatever the order and grouping in which transmissions are reported, and
 * whenever the sweep runs in between, once all are in the stored silences are
 * exactly the gaps longer than the interval between consecutive
 * transmissions (from the start of monitoring), each with one incident
 * [from + interval, to), and every other incident opened on the way was
 * withdrawn. The stores here apply the plans as the repositories do.
 */

const HOUR = 3_600_000;

/** mulberry32: a seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  marks: TransmissionMarks;
  silences: Map<string, Omit<StoredSilence, 'id'>>;
  incidents: Map<string, { startedAt: string; endedAt: string | null; withdrawn: boolean }>;
  ids: number;
}

function apply(world: World, silences: SilenceChanges, incidents: IncidentChanges): void {
  for (const id of silences.delete) world.silences.delete(id);
  for (const { id, fromAt, toAt } of silences.update) world.silences.set(id, { ...world.silences.get(id)!, fromAt, toAt });
  for (const id of incidents.withdraw) world.incidents.get(id)!.withdrawn = true;
  for (const { incidentId, startedAt, endedAt } of incidents.update) world.incidents.set(incidentId, { startedAt, endedAt, withdrawn: false });
  for (const { key, fromAt, toAt } of silences.insert) {
    const open = incidents.open.find((o) => o.silenceKey === key);
    const incidentId = open ? `i${(world.ids += 1)}` : null;
    if (open && incidentId) world.incidents.set(incidentId, { startedAt: open.startedAt, endedAt: open.endedAt, withdrawn: false });
    world.silences.set(`s${(world.ids += 1)}`, { fromAt, toAt, incidentId });
  }
  expect(incidents.open.every((o) => silences.insert.some((s) => s.key === o.silenceKey))).toBe(true);
  expect([...world.silences.values()].filter((s) => s.toAt === null).length).toBeLessThanOrEqual(1);
}

/** What the silences repository hands a batch: the ongoing silence and those ending after the batch's earliest instant. */
const touchable = (world: World, instants: number[]): StoredSilence[] =>
  [...world.silences.entries()]
    .filter(([, s]) => s.toAt === null || Date.parse(s.toAt) > Math.min(...instants))
    .map(([id, s]) => ({ id, ...s }));

/** `stopAfter`: monitoring stops that many intervals after the start (a suspension); what is sent later is not monitored. */
function simulate(seed: number, intervalMs: number, stopAfter: number | null) {
  const next = random(seed);
  const start = Date.parse('2026-03-29T00:00:00.000Z'); // the spring DST change
  const instants = new Set<number>();
  // Odd seconds: no transmission falls on the stop, which is a step of the simulation.
  let t = start - 5 * HOUR + 7_000;
  while (t < start + 40 * intervalMs) {
    // Mostly regular, sometimes a long gap; whole minutes so duplicates happen.
    t += Math.round((next() < 0.15 ? next() * 3 * intervalMs : next() * 0.6 * intervalMs) / 60_000) * 60_000;
    instants.add(t);
  }
  const sent = [...instants].sort((a, b) => a - b);
  // Each is reported after a short delay, some much later, some twice.
  const deliveries = sent
    .flatMap((at) => {
      const delay = next() < 0.2 ? next() * 10 * intervalMs : next() * 0.2 * intervalMs;
      return next() < 0.05 ? [{ at, deliveredAt: at + delay }, { at, deliveredAt: at + delay + HOUR }] : [{ at, deliveredAt: at + delay }];
    })
    .sort((a, b) => a.deliveredAt - b.deliveredAt);
  const world: World = { marks: { monitoringFrom: new Date(start).toISOString(), firstAt: null, lastAt: null }, silences: new Map(), incidents: new Map(), ids: 0 };
  const step = intervalMs / 3;
  const stopAt = stopAfter === null ? null : start + stopAfter * intervalMs;
  const end = deliveries[deliveries.length - 1].deliveredAt + step;
  let delivered = 0;
  for (let now = start + step; now <= end; now += step) {
    const batch: number[] = [];
    for (; delivered < deliveries.length && deliveries[delivered].deliveredAt <= now; delivered += 1) batch.push(deliveries[delivered].at);
    if (batch.length > 0) {
      const shuffled = [...batch].sort(() => next() - 0.5).map((at) => new Date(at).toISOString());
      const plan = planTransmissions({ marks: world.marks, silences: touchable(world, batch), instants: shuffled, intervalMs });
      apply(world, plan.silences, plan.incidents);
      world.marks = plan.marks;
    }
    if (now === stopAt) {
      const ongoing = touchable(world, [now]).find((s) => s.toAt === null) ?? null;
      const stop = planMonitoringStop({ marks: world.marks, ongoing, at: new Date(now).toISOString(), intervalMs });
      apply(world, stop.silences, stop.incidents);
      world.marks = { ...world.marks, stoppedAt: new Date(now).toISOString() };
    }
    const hasOngoingSilence = [...world.silences.values()].some((s) => s.toAt === null);
    const opening = planSweep({ marks: world.marks, hasOngoingSilence, now: new Date(now).toISOString(), intervalMs });
    if (opening) {
      const incidentId = `i${(world.ids += 1)}`;
      world.incidents.set(incidentId, { ...opening.incident, withdrawn: false });
      world.silences.set(`s${(world.ids += 1)}`, { ...opening.silence, incidentId });
    }
  }
  return { world, monitored: sent.filter((at) => at >= start && (stopAt === null || at < stopAt)), start, stopAt };
}

describe.each([
  { mode: 'PERIODIC', intervalMs: DEFAULT_EXPECTED_INTERVALS.PERIODIC, stopAfter: null, monitoring: 'monitored throughout' },
  { mode: 'CRITICAL_ALERTS', intervalMs: DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS, stopAfter: null, monitoring: 'monitored throughout' },
  { mode: 'PERIODIC', intervalMs: DEFAULT_EXPECTED_INTERVALS.PERIODIC, stopAfter: 25, monitoring: 'stopped midway' },
  { mode: 'CRITICAL_ALERTS', intervalMs: DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS, stopAfter: 25, monitoring: 'stopped midway' },
])('silences of a $mode enrolment $monitoring, reported in any order', ({ intervalMs, stopAfter }) => {
  it.each(Array.from({ length: 20 }, (_, seed) => seed + 1))('end as the gaps of the whole history (seed %i)', (seed) => {
    const { world, monitored, start, stopAt } = simulate(seed, intervalMs, stopAfter);
    const iso = (ms: number) => new Date(ms).toISOString();
    // Monitoring stopped: the silence before the stop ends with it.
    const bounds = [start, ...monitored, ...(stopAt === null ? [] : [stopAt])];
    const gaps = bounds.slice(1).flatMap((to, i) => (to - bounds[i] > intervalMs ? [{ fromAt: iso(bounds[i]), toAt: iso(to) }] : []));

    const stored = [...world.silences.values()].sort((a, b) => a.fromAt.localeCompare(b.fromAt));
    const closed = stored.filter((s) => s.toAt !== null);
    expect(closed.map(({ fromAt, toAt }) => ({ fromAt, toAt }))).toEqual(gaps);
    const ongoing = stored.filter((s) => s.toAt === null);
    expect(ongoing.map((s) => s.fromAt)).toEqual(ongoing.length && stopAt === null ? [iso(monitored.at(-1)!)] : []);

    for (const s of stored) {
      expect(world.incidents.get(s.incidentId!)).toEqual({
        startedAt: iso(Date.parse(s.fromAt) + intervalMs),
        endedAt: s.toAt,
        withdrawn: false,
      });
    }
    const live = [...world.incidents.entries()].filter(([, i]) => !i.withdrawn).map(([id]) => id);
    expect(live.sort()).toEqual(stored.map((s) => s.incidentId!).sort());
    expect(world.marks).toEqual({
      monitoringFrom: iso(start),
      ...(stopAt === null ? {} : { stoppedAt: iso(stopAt) }),
      firstAt: iso(monitored[0]),
      lastAt: iso(monitored.at(-1)!),
    });
  });
});
