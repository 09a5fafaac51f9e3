import { coverageIncident, inBatches, transmissionsBetween } from './monitoring-plan';

describe('what the operator reports', () => {
  it('places the coverage incident on the third day of the billed monitoring, 09:00-15:00 in Paris', () => {
    expect(coverageIncident({ firstBillableDay: '2026-12-22' })).toEqual({ startedAt: '2026-12-24T08:00:00.000Z', endedAt: '2026-12-24T14:00:00.000Z', cause: 'NETWORK_COVERAGE' });
    expect(coverageIncident({ firstBillableDay: '2026-07-01' })).toMatchObject({ startedAt: '2026-07-03T07:00:00.000Z' });
  });

  it('transmits every six hours from just after the activation to before the end, none during the outage', () => {
    const outage = coverageIncident({ firstBillableDay: '2026-12-22' });
    const items = transmissionsBetween(new Date('2026-12-22T09:00:00.000Z'), new Date('2026-12-26T00:00:00.000Z'), outage);
    expect(items[0]).toEqual({ at: '2026-12-22T09:01:00.000Z', network: 'CELLULAR_4G', kind: 'PERIODIC' });
    const instants = items.map((item) => Date.parse(item.at));
    expect(instants.every((at) => at < Date.parse('2026-12-26T00:00:00.000Z'))).toBe(true);
    expect(instants.some((at) => at >= Date.parse(outage.startedAt) && at <= Date.parse(outage.endedAt))).toBe(false);
    // The longest silence stays under PERIODIC's 26 hours: the platform opens no incident of its own.
    const gaps = instants.slice(1).map((at, i) => at - instants[i]);
    expect(Math.max(...gaps)).toBe(12 * 3_600_000);
    expect(items).toHaveLength(4 * 4 - 1 - 1);
  });

  it('reports nothing when the end is not past the first instant', () => {
    expect(transmissionsBetween(new Date('2026-12-22T09:00:00.000Z'), new Date('2026-12-22T09:01:00.000Z'))).toEqual([]);
  });

  it('cuts a long report into batches of at most a thousand items', () => {
    const batches = inBatches(Array.from({ length: 2_345 }, (_, i) => i));
    expect(batches.map((batch) => batch.length)).toEqual([1_000, 1_000, 345]);
    expect(batches.flat()).toEqual(Array.from({ length: 2_345 }, (_, i) => i));
    expect(inBatches([])).toEqual([]);
  });
});
