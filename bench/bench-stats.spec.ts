import { formatTable, interleaved, percentile } from './bench-stats';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('prints the ratio of the append rate to the raw insert rate', () => {
    const table = formatTable([
      { clients: 4, append: { operations: 600, seconds: 2, latenciesMs: [1, 2] }, raw: { operations: 1000, seconds: 2, latenciesMs: [1] } },
    ]);
    expect(table.split('\n')[2].trim().split(/\s+/)).toEqual(['4', '300', '1.00', '2.00', '500', '1.00', '1.00', '0.60']);
  });
});

describe('interleaved', () => {
  it('alternates the two operations slice by slice and sums their counts', async () => {
    const order: string[] = [];
    const op = (name: string) => async () => {
      if (order.at(-1) !== name) order.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const [a, b] = await interleaved(2, 0.15, 3, op('a'), op('b'));
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(a.operations).toBeGreaterThan(0);
    expect(b.latenciesMs).toHaveLength(b.operations);
  });
});
