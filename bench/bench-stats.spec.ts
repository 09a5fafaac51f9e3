import { formatTable, interleaved, percentile } from './bench-stats';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('prints each case and its rate over the baseline, the last case', () => {
    const table = formatTable([
      {
        clients: 4,
        cases: [
          { operations: 600, seconds: 2, latenciesMs: [1, 2] },
          { operations: 450, seconds: 3, latenciesMs: [3] },
          { operations: 1000, seconds: 2, latenciesMs: [1] },
        ],
      },
    ]);
    const [header, , line] = table.split('\n');
    expect(header.trim().split(/\s{2,}/)).toEqual([
      'clients',
      'a /s', 'a p50 ms', 'a p99 ms',
      'b /s', 'b p50 ms', 'b p99 ms',
      'c /s', 'c p50 ms', 'c p99 ms',
      'a/c', 'b/c',
    ]);
    expect(line.trim().split(/\s+/)).toEqual(['4', '300', '1.00', '2.00', '150', '3.00', '3.00', '500', '1.00', '1.00', '0.60', '0.30']);
  });
});

describe('interleaved', () => {
  it('alternates the operations slice by slice and sums their counts', async () => {
    const order: string[] = [];
    const op = (name: string) => async () => {
      if (order.at(-1) !== name) order.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const [a, b, c] = await interleaved(2, 0.3, 3, op('a'), op('b'), op('c'));
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    expect(a.operations).toBeGreaterThan(0);
    expect(b.latenciesMs).toHaveLength(b.operations);
    expect(c.seconds).toBeGreaterThan(0);
  });
});
