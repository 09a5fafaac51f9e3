import { percentile } from './bench-stats';

/** What one prescription-to-enrolment flow saw, in epoch ms (undefined where it did not get that far). */
export interface FlowTimes {
  /** The prescription's id, once its 201 came back. */
  prescriptionId?: string;
  /** Its arrival on the open-loop timetable. */
  scheduledAt: number;
  /** The prescription's 201 received. */
  createdAt?: number;
  /** PrescriptionIssued written to Kafka (the message's timestamp, set by the prescription's relay). */
  publishedAt?: number;
  /** The enrolment decided: its `createdAt`, the enrolment consumer's clock when its handler ran. */
  decidedAt?: number;
  /** The enrolment first seen through the gateway. */
  visibleAt?: number;
  error?: string;
}

export interface Spread {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** When a level of offered load is called sustained (see `summarise`). */
export interface SustainCriteria {
  /** The completion rate must reach this share of the offered rate. */
  minShareOfRate: number;
  /** p99 from arrival to the enrolment visible, queueing included. */
  maxP99Ms: number;
}

export const DEFAULT_SUSTAIN: SustainCriteria = { minShareOfRate: 0.95, maxP99Ms: 1_000 };

export interface LevelSummary {
  rate: number;
  flows: number;
  completed: number;
  failed: number;
  /**
   * Completions per second, first to last: a platform that keeps up completes
   * flows as fast as they arrive; one that does not completes them at its own
   * capacity, however fast they arrive.
   */
  throughput: number;
  /** The figure: the prescription's 201 to the enrolment visible at the gateway. */
  visibleAfterCreated: Spread;
  /** Arrival to 201: the command's own latency, queueing in the gateway and prescription included. */
  created: Spread;
  /** Arrival to visible: everything a client waits, the figure the sustained verdict reads. */
  endToEnd: Spread;
  /** Where 201 -> visible goes: 201 -> in Kafka, Kafka -> enrolment decided, decided -> visible. */
  stages: { toKafka: Spread; toDecision: Spread; toVisible: Spread };
  /** Median arrival-to-visible of the last quarter of arrivals minus the first quarter's: a growing queue. */
  driftMs: number;
  sustained: boolean;
  /** Why not, when not. */
  shortfalls: string[];
}

const between = (flows: FlowTimes[], from: keyof FlowTimes, to: keyof FlowTimes): number[] =>
  flows.flatMap((f) => (typeof f[from] === 'number' && typeof f[to] === 'number' ? [(f[to] as number) - (f[from] as number)] : []));

const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

/**
 * One level of offered load. Sustained: every flow completed, completions kept
 * up with arrivals (within `minShareOfRate`) and p99 arrival-to-visible stayed
 * within `maxP99Ms`. In an open loop an overload of x % builds a backlog of
 * x % of the level's duration by its end, so a level of 10 s shows an overload
 * of 10 % as p99 >= 1 s.
 */
export function summarise(rate: number, flows: FlowTimes[], criteria: SustainCriteria = DEFAULT_SUSTAIN): LevelSummary {
  const done = flows.filter((f) => f.visibleAt !== undefined && f.error === undefined);
  const visible = done.map((f) => f.visibleAt as number).sort((a, b) => a - b);
  const spanSeconds = visible.length > 1 ? (visible[visible.length - 1] - visible[0]) / 1000 : NaN;
  const throughput = visible.length > 1 ? (visible.length - 1) / spanSeconds : NaN;
  const endToEnd = between(done, 'scheduledAt', 'visibleAt');
  const byArrival = [...done].sort((a, b) => a.scheduledAt - b.scheduledAt);
  const quarter = Math.floor(byArrival.length / 4);
  const driftMs =
    quarter > 0
      ? median(between(byArrival.slice(-quarter), 'scheduledAt', 'visibleAt')) - median(between(byArrival.slice(0, quarter), 'scheduledAt', 'visibleAt'))
      : NaN;
  const summary: LevelSummary = {
    rate,
    flows: flows.length,
    completed: done.length,
    failed: flows.filter((f) => f.error !== undefined).length,
    throughput,
    visibleAfterCreated: spread(between(done, 'createdAt', 'visibleAt')),
    created: spread(between(flows, 'scheduledAt', 'createdAt')),
    endToEnd: spread(endToEnd),
    stages: {
      toKafka: spread(between(done, 'createdAt', 'publishedAt')),
      toDecision: spread(between(done, 'publishedAt', 'decidedAt')),
      toVisible: spread(between(done, 'decidedAt', 'visibleAt')),
    },
    driftMs,
    sustained: false,
    shortfalls: [],
  };
  const shortfalls = summary.shortfalls;
  if (summary.failed > 0) shortfalls.push(`${summary.failed} flow(s) failed`);
  if (summary.completed + summary.failed < summary.flows) shortfalls.push(`${summary.flows - summary.completed - summary.failed} flow(s) never completed`);
  if (!(throughput >= criteria.minShareOfRate * rate)) shortfalls.push(`completions ${throughput.toFixed(1)}/s < ${(criteria.minShareOfRate * 100).toFixed(0)} % of ${rate}/s`);
  if (!(summary.endToEnd.p99 <= criteria.maxP99Ms)) shortfalls.push(`p99 arrival-to-visible ${summary.endToEnd.p99.toFixed(0)} ms > ${criteria.maxP99Ms} ms`);
  summary.sustained = shortfalls.length === 0;
  return summary;
}

/** The highest rate of the levels that was sustained (levels are tried in increasing rate), or null. */
export function maxSustained(levels: LevelSummary[]): number | null {
  const rates = levels.filter((level) => level.sustained).map((level) => level.rate);
  return rates.length > 0 ? Math.max(...rates) : null;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : '-');

/** One line a level: offered rate, completions/s, the latencies (p50/p99 ms) and the verdict. */
export function formatLevels(levels: LevelSummary[]): string {
  const header = ['rate/s', 'flows', 'done', 'failed', 'done/s', '201->visible p50/p99', 'arrival->201 p50/p99', 'arrival->visible p50/p99', 'drift', 'sustained'];
  const lines = levels.map((l) => [
    String(l.rate),
    String(l.flows),
    String(l.completed),
    String(l.failed),
    Number.isFinite(l.throughput) ? l.throughput.toFixed(1) : '-',
    `${ms(l.visibleAfterCreated.p50)} / ${ms(l.visibleAfterCreated.p99)}`,
    `${ms(l.created.p50)} / ${ms(l.created.p99)}`,
    `${ms(l.endToEnd.p50)} / ${ms(l.endToEnd.p99)}`,
    ms(l.driftMs),
    l.sustained ? 'yes' : `no: ${l.shortfalls.join('; ')}`,
  ]);
  return table(header, lines);
}

/** Where 201 -> visible goes, per level (p50/p99 ms; a stage may be negative by the clocks' resolution). */
export function formatStages(levels: LevelSummary[]): string {
  const header = ['rate/s', '201->in Kafka', 'Kafka->enrolment decided', 'decided->visible'];
  const lines = levels.map((l) => [
    String(l.rate),
    `${ms(l.stages.toKafka.p50)} / ${ms(l.stages.toKafka.p99)}`,
    `${ms(l.stages.toDecision.p50)} / ${ms(l.stages.toDecision.p99)}`,
    `${ms(l.stages.toVisible.p50)} / ${ms(l.stages.toVisible.p99)}`,
  ]);
  return table(header, lines);
}

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
