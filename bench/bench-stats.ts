/** Latency samples (ms) and throughput of one timed run. */
export interface RunStats {
  operations: number;
  seconds: number;
  latenciesMs: number[];
}

export const perSecond = (stats: RunStats): number => stats.operations / stats.seconds;

/** How many times the baseline's rate `stats` reaches. */
export const ratioTo = (stats: RunStats, baseline: RunStats): number => perSecond(stats) / perSecond(baseline);

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank];
}

/** Runs `clients` loops of `operation` side by side for `seconds`, recording each latency. */
export async function timedRun(clients: number, seconds: number, operation: () => Promise<unknown>): Promise<RunStats> {
  const latenciesMs: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  const loop = async () => {
    while (process.hrtime.bigint() < deadline) {
      const t0 = process.hrtime.bigint();
      await operation();
      latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { operations: latenciesMs.length, seconds: elapsed, latenciesMs: latenciesMs.sort((x, y) => x - y) };
}

/** Adds `more` to `into` (latencies are re-sorted once at the end by `interleaved`). */
function accumulate(into: RunStats, more: RunStats): void {
  into.operations += more.operations;
  into.seconds += more.seconds;
  into.latenciesMs.push(...more.latenciesMs);
}

/**
 * Measures operations in alternating slices, so that all see the same
 * background load (this machine is shared): a drift in the neighbours' load
 * cannot favour whichever ran last.
 */
export async function interleaved(
  clients: number,
  seconds: number,
  slices: number,
  ...operations: Array<() => Promise<unknown>>
): Promise<RunStats[]> {
  const totals: RunStats[] = operations.map(() => ({ operations: 0, seconds: 0, latenciesMs: [] }));
  for (let slice = 0; slice < slices; slice += 1) {
    for (const [index, operation] of operations.entries()) {
      accumulate(totals[index], await timedRun(clients, seconds / slices, operation));
    }
  }
  for (const total of totals) total.latenciesMs.sort((x, y) => x - y);
  return totals;
}

/** One level of a bench: the stats of each case, in the order of the table's letters; the last is the baseline. */
export interface Row {
  clients: number;
  cases: RunStats[];
}

/** Rate and p50/p99 of each case (a, b, ...), then each case's rate over the baseline's (the last case). */
export function formatTable(rows: Row[]): string {
  const letters = (rows[0]?.cases ?? []).map((_, index) => String.fromCharCode(97 + index));
  const baseline = letters.at(-1);
  const header = [
    'clients',
    ...letters.flatMap((l) => [`${l} /s`, `${l} p50 ms`, `${l} p99 ms`]),
    ...letters.slice(0, -1).map((l) => `${l}/${baseline}`),
  ];
  const lines = rows.map(({ clients, cases }) => [
    String(clients),
    ...cases.flatMap((stats) => [
      perSecond(stats).toFixed(0),
      percentile(stats.latenciesMs, 50).toFixed(2),
      percentile(stats.latenciesMs, 99).toFixed(2),
    ]),
    ...cases.slice(0, -1).map((stats) => ratioTo(stats, cases[cases.length - 1]).toFixed(2)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
