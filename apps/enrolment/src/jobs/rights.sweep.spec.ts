import type { Clock } from '@app/service-kit';
import type { EnrolmentsRepository, PendingRights, PendingRightsCursor } from '../projections/enrolments.repository';
import type { RightsChecks } from './rights-checks';
import { RightsSweep } from './rights.sweep';

const NOW = new Date('2026-03-20T10:00:00.000Z');

/** The repository's paging over rows kept in memory, in its order (updated_at, id): what the SQL does, without Postgres. */
class PendingRows {
  readonly pages: Array<{ olderThan: Date; after: PendingRightsCursor | null }> = [];
  constructor(private readonly rows: PendingRights[]) {}

  async pendingRights(olderThan: Date, after: PendingRightsCursor | null, limit: number): Promise<PendingRights[]> {
    this.pages.push({ olderThan, after });
    const key = (row: PendingRightsCursor) => `${row.updatedAt.toISOString()} ${row.id}`;
    return this.rows.filter((row) => row.updatedAt < olderThan && (!after || key(row) > key(after))).slice(0, limit);
  }
}

/** `count` pending rows, 100 ms apart from an hour ago (all older than the minute), ids in the same order. */
const rowsOf = (count: number): PendingRights[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    request: 1,
    updatedAt: new Date(NOW.getTime() - 3_600_000 + i * 100),
  }));

const sweepOver = (rows: PendingRows, outcomeOf: (id: string) => 'queued' | 'retried' | 'pending') => {
  const ensured: string[] = [];
  const checks = {
    ensure: async (id: string) => {
      ensured.push(id);
      return outcomeOf(id);
    },
  } as unknown as RightsChecks;
  const clock: Clock = { now: () => NOW };
  return { sweep: new RightsSweep(rows as unknown as EnrolmentsRepository, checks, clock), ensured };
};

describe('RightsSweep', () => {
  it('looks only at rights untouched for more than a minute on the platform clock', async () => {
    const rows = new PendingRows([]);
    await sweepOver(rows, () => 'queued').sweep.run();
    expect(rows.pages).toEqual([{ olderThan: new Date(NOW.getTime() - 60_000), after: null }]);
  });

  it('reports the enrolments queued or retried, not those whose job is still in flight', async () => {
    const [lost, failed, inFlight] = rowsOf(3);
    const outcomes = { [lost.id]: 'queued', [failed.id]: 'retried', [inFlight.id]: 'pending' } as const;
    const { sweep, ensured } = sweepOver(new PendingRows([lost, failed, inFlight]), (id) => outcomes[id]);
    expect(await sweep.run()).toEqual({ requeued: [lost.id, failed.id] });
    expect(ensured).toEqual([lost.id, failed.id, inFlight.id]);
  });

  it('pages on past a full page of jobs still in flight, so a lost one behind them is found the same minute', async () => {
    const rows = rowsOf(1_201);
    const lost = rows[1_200];
    const { sweep, ensured } = sweepOver(new PendingRows(rows), (id) => (id === lost.id ? 'queued' : 'pending'));
    expect(await sweep.run()).toEqual({ requeued: [lost.id] });
    // Each enrolment once: the keyset never rereads a page.
    expect(ensured).toHaveLength(1_201);
    expect(new Set(ensured).size).toBe(1_201);
  });

  it('reads at most ten pages a run, the next minute takes the rest', async () => {
    const rows = new PendingRows(rowsOf(5_100));
    const { sweep, ensured } = sweepOver(rows, () => 'pending');
    await sweep.run();
    expect(rows.pages).toHaveLength(10);
    expect(ensured).toHaveLength(5_000);
  });
});
