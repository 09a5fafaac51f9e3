/**
 * What the relay does after a round: `more` reads again at once (a full read,
 * or a send cut by size), `blocked` looks again soon (rows wait behind a
 * transaction still in flight, whose commit may wake nobody here), `drained`
 * sleeps until woken or polled. Blocked wins over a full read: reading again
 * at once would only find the same head held back.
 */
export type HeadOutcome = 'more' | 'blocked' | 'drained';

export function headOutcome(counts: { read: number; settled: number; sent: number; batchSize: number }): HeadOutcome {
  const { read, settled, sent, batchSize } = counts;
  if (sent === settled && settled < read) return 'blocked';
  if (sent < settled || read === batchSize) return 'more';
  return 'drained';
}
