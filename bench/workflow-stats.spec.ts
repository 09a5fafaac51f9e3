import { formatLevels, formatStages, maxSustained, spread, summarise, type FlowTimes } from './workflow-stats';

/** `count` flows arriving `1000 / rate` ms apart, each visible `latency(i)` ms after its arrival. */
function flows(count: number, rate: number, latency: (index: number) => number): FlowTimes[] {
  return Array.from({ length: count }, (_, i) => {
    const scheduledAt = 1_000_000 + (i * 1000) / rate;
    return { scheduledAt, createdAt: scheduledAt + 10, publishedAt: scheduledAt + 15, decidedAt: scheduledAt + 30, visibleAt: scheduledAt + latency(i) };
  });
}

describe('a level of the workflow bench', () => {
  it('measures 201 -> visible, arrival -> 201 and each stage between them', () => {
    const summary = summarise(50, flows(100, 50, () => 60));
    expect(summary).toMatchObject({ rate: 50, flows: 100, completed: 100, failed: 0, driftMs: 0, sustained: true, shortfalls: [] });
    expect(summary.throughput).toBeCloseTo(50, 5);
    expect(summary.visibleAfterCreated).toEqual({ count: 100, p50: 50, p99: 50, max: 50 });
    expect(summary.created.p99).toBe(10);
    expect(summary.endToEnd.p50).toBe(60);
    expect(summary.stages.toKafka.p50).toBe(5);
    expect(summary.stages.toDecision.p50).toBe(15);
    expect(summary.stages.toVisible.p50).toBe(30);
  });

  it('is not sustained when completions fall behind arrivals: the queue shows as drift and p99', () => {
    // Capacity 40/s offered 50/s: flow i completes at i / 40 s, so its latency grows by 5 ms a flow.
    const summary = summarise(50, flows(500, 50, (i) => 50 + i * 5));
    expect(summary.throughput).toBeCloseTo(40, 5);
    expect(summary.driftMs).toBeGreaterThan(1_500);
    expect(summary.sustained).toBe(false);
    expect(summary.shortfalls).toEqual(['completions 40.0/s < 95 % of 50/s', 'p99 arrival-to-visible 2520 ms > 1000 ms']);
  });

  it('counts failed flows and flows that never completed as shortfalls, and leaves them out of the latencies', () => {
    const all = flows(10, 10, () => 100);
    all[3] = { scheduledAt: all[3].scheduledAt, error: 'POST /v1/prescriptions: 503' };
    delete all[7].visibleAt;
    const summary = summarise(10, all);
    expect(summary).toMatchObject({ completed: 8, failed: 1, sustained: false });
    expect(summary.shortfalls.slice(0, 2)).toEqual(['1 flow(s) failed', '1 flow(s) never completed']);
    expect(summary.endToEnd.count).toBe(8);
  });

  it('takes the highest sustained rate, and prints one line a level', () => {
    const levels = [summarise(25, flows(50, 25, () => 40)), summarise(50, flows(100, 50, () => 80)), summarise(75, flows(150, 75, (i) => 80 + i * 20))];
    expect(maxSustained(levels)).toBe(50);
    expect(maxSustained([levels[2]])).toBeNull();
    const printed = formatLevels(levels).split('\n');
    expect(printed).toHaveLength(5);
    expect(printed[3].trim().split(/\s{2,}/)).toEqual(['50', '100', '100', '0', '50.0', '70 / 70', '10 / 10', '80 / 80', '0', 'yes']);
    expect(printed[4]).toContain('no: completions');
    expect(formatStages(levels).split('\n')[2].trim().split(/\s{2,}/)).toEqual(['25', '5 / 5', '15 / 15', '10 / 10']);
  });

  it('spreads only finite values', () => {
    expect(spread([3, NaN, 1, 2])).toEqual({ count: 3, p50: 2, p99: 3, max: 3 });
    expect(spread([]).count).toBe(0);
  });
});
