import { fixedClock } from '@app/service-kit';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { scheduledRunId } from '../billing/scheduled-run-id';
import { parsePeriod } from '../domain/billing/period';
import { migrations } from '../migrations';
import { BillingRunCorrectionsRepository } from './billing-run-corrections.repository';
import { BillingRunItemsRepository } from './billing-run-items.repository';
import { BillingRunsRepository } from './billing-runs.repository';

/**
 * A period's scheduled run on the real Postgres, where schedulers of several
 * replicas (or two ticks of one) meet: however many race, one creates it and
 * the others are told it exists, never an error.
 */
describe('BillingRunsRepository.createScheduled (Postgres)', () => {
  let db: TestDatabase;
  let runs: BillingRunsRepository;
  const clock = fixedClock('2026-11-02T09:00:00.000Z');

  beforeAll(async () => {
    db = await createTestDatabase(migrations, 20);
    runs = new BillingRunsRepository(db.dataSource, new BillingRunItemsRepository(db.dataSource), new BillingRunCorrectionsRepository(db.dataSource), clock);
  });

  afterAll(async () => {
    await db?.drop();
  });

  // The race is one of microseconds (both past the arbiter's pre-check, one
  // waiting on the other's primary key): a hundred months give it its chances.
  it('creates each run once when ten schedulers race for it', async () => {
    for (let year = 2000; year < 2010; year++) {
      const periods = Array.from({ length: 10 }, (_, month) => parsePeriod(`${year}-${String(month + 1).padStart(2, '0')}`)!);
      await Promise.all(
        periods.map(async (period) => {
          const id = scheduledRunId(period);
          const created = await Promise.all(Array.from({ length: 10 }, () => runs.createScheduled(period.id, id)));
          expect(created.filter(Boolean)).toHaveLength(1);
        }),
      );
    }
    const rows = await db.dataSource.query(`SELECT period, count(*)::int AS runs FROM billing_runs WHERE trigger = 'SCHEDULED' GROUP BY period`);
    expect(rows).toHaveLength(100);
    expect(rows.every((row: { runs: number }) => row.runs === 1)).toBe(true);
  });

  it('leaves the admin runs of the period out of it', async () => {
    const period = parsePeriod('2026-09')!;
    await runs.create({ id: '0192f000-0000-7000-8000-000000000001', period: period.id, trigger: 'ADMIN', requestedBy: 'admin-1' });
    expect(await runs.createScheduled(period.id, scheduledRunId(period))).toBe(true);
    expect(await runs.createScheduled(period.id, scheduledRunId(period))).toBe(false);
  });
});
