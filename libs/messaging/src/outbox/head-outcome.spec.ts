import { headOutcome } from './head-outcome';

describe('what the relay does after a round', () => {
  const batchSize = 1_000;

  it('reads again at once after a full read or a send cut by size', () => {
    expect(headOutcome({ read: 1_000, settled: 1_000, sent: 1_000, batchSize })).toBe('more');
    expect(headOutcome({ read: 10, settled: 10, sent: 4, batchSize })).toBe('more');
    // Cut by size with an unsettled row further on: the settled rest goes first.
    expect(headOutcome({ read: 10, settled: 8, sent: 4, batchSize })).toBe('more');
  });

  it('backs off when what is left waits behind a transaction in flight, even after a full read', () => {
    expect(headOutcome({ read: 3, settled: 0, sent: 0, batchSize })).toBe('blocked');
    expect(headOutcome({ read: 3, settled: 1, sent: 1, batchSize })).toBe('blocked');
    // A full read held back at its head: reading again at once would spin on the same rows.
    expect(headOutcome({ read: 1_000, settled: 0, sent: 0, batchSize })).toBe('blocked');
  });

  it('sleeps once the outbox is drained', () => {
    expect(headOutcome({ read: 0, settled: 0, sent: 0, batchSize })).toBe('drained');
    expect(headOutcome({ read: 5, settled: 5, sent: 5, batchSize })).toBe('drained');
  });
});
