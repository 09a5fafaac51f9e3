/** Latency samples (ms) and throughput of one timed run. */
export interface RunStats {
  operations: number;
  seconds: number;
  latenciesMs: number[];
}

export const perSecond = (stats: RunStats): number => stats.operations / stats.seconds;

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
 * Measures two operations in alternating slices, so that both see the same
 * background load (this machine is shared): a drift in the neighbours' load
 * cannot favour whichever ran second.
 */
export async function interleaved(
  clients: number,
  seconds: number,
  slices: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[RunStats, RunStats]> {
  const totals: [RunStats, RunStats] = [
    { operations: 0, seconds: 0, latenciesMs: [] },
    { operations: 0, seconds: 0, latenciesMs: [] },
  ];
  for (let slice = 0; slice < slices; slice += 1) {
    accumulate(totals[0], await timedRun(clients, seconds / slices, first));
    accumulate(totals[1], await timedRun(clients, seconds / slices, second));
  }
  for (const total of totals) total.latenciesMs.sort((x, y) => x - y);
  return totals;
}

export interface Row {
  clients: number;
  append: RunStats;
  raw: RunStats;
}

export function formatTable(rows: Row[]): string {
  const header = ['clients', 'a cmd/s', 'a p50 ms', 'a p99 ms', 'b ins/s', 'b p50 ms', 'b p99 ms', 'a/b'];
  const lines = rows.map(({ clients, append, raw }) => [
    String(clients),
    perSecond(append).toFixed(0),
    percentile(append.latenciesMs, 50).toFixed(2),
    percentile(append.latenciesMs, 99).toFixed(2),
    perSecond(raw).toFixed(0),
    percentile(raw.latenciesMs, 50).toFixed(2),
    percentile(raw.latenciesMs, 99).toFixed(2),
    (perSecond(append) / perSecond(raw)).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
