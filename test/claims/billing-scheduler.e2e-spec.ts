import { DAY_MS, HOUR_MS, parisInstant, parisMidnightOf, periodBefore } from '../support/billing-calendar';
import { startClaimsWorld, type ClaimsFeed, type ClaimsWorld, type Enrolled } from '../support/claims-world';
import { BillingScheduler } from '../../apps/claims/src/billing/billing.scheduler';

jest.setTimeout(180_000);

/** The first day of the month after `period`. */
const nextMonthStart = (period: string): Date => {
  const [year, month] = period.split('-').map(Number);
  return parisMidnightOf(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`);
};

/**
 * The every-minute billing job decides from the platform clock: a month is
 * billed once the clock has passed its end by BILLING_GRACE_HOURS (24 here),
 * by one scheduled run, whatever the number of ticks or replicas.
 */
describe('the every-minute billing job (platform clock, grace hours)', () => {
  // Three months back: never the month the job finds due on the real clock at start-up (one or two months back).
  const period = periodBefore(3);
  let world: ClaimsWorld;
  let feed: ClaimsFeed;
  let enrolled: Enrolled;
  const scheduler = () => world.claims.app.get(BillingScheduler);
  const scheduledRuns = async () =>
    (await world.claims.dataSource.query(`SELECT id FROM billing_runs WHERE period = $1 AND trigger = 'SCHEDULED'`, [period])).map((row: { id: string }) => row.id);

  beforeAll(async () => {
    world = await startClaimsWorld({ claims: { env: { BILLING_GRACE_HOURS: '24' } } });
    feed = world.feed;
    feed.moveTo(parisInstant(period, 2, 9));
    enrolled = await feed.enrol();
    // The month is over, but by 23 hours only: its transmissions come in late.
    feed.advance(nextMonthStart(period).getTime() + 23 * HOUR_MS - feed.now().getTime());
    await feed.reportTransmissions(enrolled);
    await feed.caughtUp([enrolled]);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('does not bill a month before its end plus the grace hours', async () => {
    const { period: due } = await scheduler().run();
    expect(due < period).toBe(true);
    expect(await scheduledRuns()).toEqual([]);
  });

  it('bills it once past them: one scheduled run, one claim, however many ticks', async () => {
    feed.advance(2 * HOUR_MS);
    const ticks = await Promise.all([scheduler().run(), scheduler().run()]);
    expect(ticks.map((tick) => tick.period)).toEqual([period, period]);
    const [runId] = await scheduledRuns();
    expect(await scheduledRuns()).toEqual([runId]);
    const run = await feed.runCompleted(runId);
    expect(run).toMatchObject({ id: runId, period });
    const claim = await feed.claimOf(enrolled.enrolmentId, period);
    expect(claim).toMatchObject({ billingRunId: runId, billableDays: expect.any(Number) });
    expect((await scheduler().run()).created).toBe(false);
    feed.advance(DAY_MS);
    await scheduler().run();
    expect(await scheduledRuns()).toEqual([runId]);
    expect(await feed.claimsOfEnrolment(enrolled.enrolmentId, period)).toHaveLength(1);
  });
});
