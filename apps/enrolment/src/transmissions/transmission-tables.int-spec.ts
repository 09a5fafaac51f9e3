import { createTestDatabase, type TestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_EXPECTED_INTERVALS } from '../domain/transmissions/expected-interval';
import { identify } from '../domain/transmissions/silence-ids';
import { planTransmissions } from '../domain/transmissions/transmission-plan';
import { transmissionDaysOf } from '../domain/transmissions/transmission-days';
import { CreateTransmissionTables1764308100000 } from '../migrations/create-transmission-tables.migration';
import { SilencesRepository } from './silences.repository';
import { TransmissionDaysRepository } from './transmission-days.repository';
import { TransmissionMarksRepository } from './transmission-marks.repository';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (hours: number): string => new Date(NOW - hours * HOUR).toISOString();

describe('transmission tables (real Postgres)', () => {
  let db: TestDatabase;
  const days = new TransmissionDaysRepository();
  const marks = new TransmissionMarksRepository();
  const silences = new SilencesRepository();

  beforeAll(async () => {
    db = await createTestDatabase([CreateTransmissionTables1764308100000]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds a batch of days in one statement: counts add up, first and last widen, days are Paris days', async () => {
    const enrolmentId = uuidv7();
    const tx = db.dataSource.manager;
    await days.add(tx, enrolmentId, transmissionDaysOf(['2026-03-01T10:00:00.000Z', '2026-03-01T23:30:00.000Z', '2026-03-01T12:00:00.000Z']));
    await days.add(tx, enrolmentId, transmissionDaysOf(['2026-03-01T08:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-05T09:00:00.000Z']));
    await days.add(tx, enrolmentId, []);
    expect(await days.daysOf(tx, enrolmentId, '2026-03-01', '2026-03-31')).toEqual([
      { day: '2026-03-01', transmissions: 3, firstAt: '2026-03-01T08:00:00.000Z', lastAt: '2026-03-01T12:00:00.000Z' },
      // 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
      { day: '2026-03-02', transmissions: 2, firstAt: '2026-03-01T23:30:00.000Z', lastAt: '2026-03-02T09:00:00.000Z' },
      { day: '2026-03-05', transmissions: 1, firstAt: '2026-03-05T09:00:00.000Z', lastAt: '2026-03-05T09:00:00.000Z' },
    ]);
    expect(await days.daysWithData(tx, enrolmentId, '2026-03-02', '2026-03-05')).toEqual(['2026-03-02', '2026-03-05']);
    expect(await days.daysWithData(tx, uuidv7(), '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('merges a day the caller passed twice instead of failing the statement', async () => {
    const enrolmentId = uuidv7();
    const day = { day: '2026-03-03', transmissions: 1, firstAt: '2026-03-03T10:00:00.000Z', lastAt: '2026-03-03T10:00:00.000Z' };
    await days.add(db.dataSource.manager, enrolmentId, [day, { ...day, firstAt: '2026-03-03T08:00:00.000Z', lastAt: '2026-03-03T08:00:00.000Z' }]);
    expect(await days.daysOf(db.dataSource.manager, enrolmentId, '2026-03-03', '2026-03-03')).toEqual([
      { day: '2026-03-03', transmissions: 2, firstAt: '2026-03-03T08:00:00.000Z', lastAt: '2026-03-03T10:00:00.000Z' },
    ]);
  });

  it('keeps one ongoing silence per enrolment when two transactions open one at once: the second waits, then finds it', async () => {
    const enrolmentId = uuidv7();
    const first = db.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    const winner = uuidv7();
    await expect(silences.openOngoing(first.manager, enrolmentId, { id: winner, fromAt: ago(30), incidentId: uuidv7() })).resolves.toBe(true);

    let settled = false;
    const second = db.dataSource
      .transaction((tx) => silences.openOngoing(tx, enrolmentId, { id: uuidv7(), fromAt: ago(30), incidentId: uuidv7() }))
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    await first.commitTransaction();
    await first.release();
    await expect(second).resolves.toBe(false);
    expect((await silences.ongoingOf(db.dataSource.manager, enrolmentId))?.id).toBe(winner);
  });

  it('refuses a second ongoing silence written by a plan, and accepts one once the first is closed in the same write', async () => {
    const enrolmentId = uuidv7();
    const tx = db.dataSource.manager;
    const ongoing = { id: uuidv7(), fromAt: ago(50), toAt: null, incidentId: uuidv7() };
    await silences.apply(tx, enrolmentId, { delete: [], update: [], insert: [ongoing] });
    const another = { id: uuidv7(), fromAt: ago(10), toAt: null, incidentId: null };
    await expect(silences.apply(tx, enrolmentId, { delete: [], update: [], insert: [another] })).rejects.toThrow(/silences_one_ongoing/);
    await silences.apply(tx, enrolmentId, { delete: [], update: [{ id: ongoing.id, fromAt: ongoing.fromAt, toAt: ago(20) }], insert: [another] });
    expect((await silences.ongoingOf(tx, enrolmentId))?.id).toBe(another.id);
  });

  it('makes a batch wait for another batch (or the sweep) on the marks lock', async () => {
    const enrolmentId = uuidv7();
    await marks.start(db.dataSource.manager, { enrolmentId, monitoringMode: 'PERIODIC', monitoringFrom: ago(100) });
    const first = db.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    await marks.lockFor(first.manager, enrolmentId);
    let settled = false;
    const second = db.dataSource.transaction((tx) => marks.lockFor(tx, enrolmentId)).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await marks.save(first.manager, enrolmentId, { monitoringFrom: ago(100), firstAt: ago(90), lastAt: ago(5) });
    await first.commitTransaction();
    await first.release();
    expect(await second).toEqual({ enrolmentId, monitoringMode: 'PERIODIC', monitoringFrom: ago(100), firstAt: ago(90), lastAt: ago(5), stoppedAt: null });
  });

  it('stores what a plan changes and hands a later batch the silences it may touch', async () => {
    const enrolmentId = uuidv7();
    let n = 0;
    const newId = () => `00000000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
    const intervalMs = DEFAULT_EXPECTED_INTERVALS.PERIODIC;
    const report = (instants: string[]) =>
      db.dataSource.transaction(async (tx) => {
        const stored = (await marks.lockFor(tx, enrolmentId))!;
        const plan = planTransmissions({ marks: stored, silences: await silences.touchableBy(tx, enrolmentId, instants), instants, intervalMs });
        const identified = identify(plan, newId);
        await days.add(tx, enrolmentId, transmissionDaysOf(plan.accepted));
        await silences.apply(tx, enrolmentId, identified.silences);
        await marks.save(tx, enrolmentId, plan.marks);
        return identified.incidents;
      });
    await marks.start(db.dataSource.manager, { enrolmentId, monitoringMode: 'PERIODIC', monitoringFrom: ago(200) });
    await report([ago(190), ago(150), ago(100), ago(10)]); // gaps of 40 h, 50 h and 90 h
    const touchable = async (instants: string[]) =>
      (await silences.touchableBy(db.dataSource.manager, enrolmentId, instants)).map((s) => [s.fromAt, s.toAt]);
    expect(await touchable([ago(20), ago(120)])).toEqual([
      [ago(150), ago(100)],
      [ago(100), ago(10)],
    ]);
    expect(await touchable([ago(90)])).toEqual([[ago(100), ago(10)]]);
    expect(await touchable([ago(5)])).toEqual([]);
    const late = await report([ago(55)]); // cuts 100 -> 10 into 45 h and 45 h
    expect(late.update).toEqual([expect.objectContaining({ startedAt: ago(74), endedAt: ago(55), change: 'LATE_TRANSMISSIONS' })]);
    expect(late.open).toEqual([expect.objectContaining({ startedAt: ago(29), endedAt: ago(10) })]);
    const rows = await db.dataSource.query('SELECT from_at, to_at FROM silences WHERE enrolment_id = $1 ORDER BY from_at', [enrolmentId]);
    expect(rows.map((r: { from_at: Date; to_at: Date }) => [r.from_at.toISOString(), r.to_at.toISOString()])).toEqual([
      [ago(190), ago(150)],
      [ago(150), ago(100)],
      [ago(100), ago(55)],
      [ago(55), ago(10)],
    ]);
    expect(await marks.lockFor(db.dataSource.manager, enrolmentId)).toMatchObject({ firstAt: ago(190), lastAt: ago(10) });
  });

  it('lists for the sweep the monitored enrolments silent past their interval with no ongoing silence, longest first', async () => {
    await db.dataSource.query('TRUNCATE transmission_marks, silences');
    const tx = db.dataSource.manager;
    const enrolment = async (mode: 'PERIODIC' | 'CRITICAL_ALERTS', monitoringFrom: string, lastAt: string | null) => {
      const enrolmentId = uuidv7();
      await marks.start(tx, { enrolmentId, monitoringMode: mode, monitoringFrom });
      if (lastAt) await marks.save(tx, enrolmentId, { monitoringFrom, firstAt: lastAt, lastAt });
      return enrolmentId;
    };
    const periodicDue = await enrolment('PERIODIC', ago(100), ago(27));
    await enrolment('PERIODIC', ago(100), ago(25)); // within 26 h
    await enrolment('PERIODIC', ago(100), ago(26)); // exactly 26 h: not yet
    const criticalDue = await enrolment('CRITICAL_ALERTS', ago(100), ago(2));
    await enrolment('CRITICAL_ALERTS', ago(100), ago(0.5));
    const neverSent = await enrolment('PERIODIC', ago(30), null); // measured from the activation
    await enrolment('PERIODIC', ago(3), ago(80)); // resumed 3 h ago: measured from the resumption
    const ongoing = await enrolment('PERIODIC', ago(100), ago(60));
    await silences.openOngoing(tx, ongoing, { id: uuidv7(), fromAt: ago(60), incidentId: uuidv7() });
    const stopped = await enrolment('CRITICAL_ALERTS', ago(100), ago(50));
    await marks.stop(tx, stopped, ago(49));

    const due = await marks.dueForSilence(tx, new Date(NOW).toISOString(), DEFAULT_EXPECTED_INTERVALS);
    expect(due.map((m) => m.enrolmentId)).toEqual([neverSent, periodicDue, criticalDue]);
    expect(due[0]).toEqual({ enrolmentId: neverSent, monitoringMode: 'PERIODIC', monitoringFrom: ago(30), firstAt: null, lastAt: null, stoppedAt: null });
    expect((await marks.dueForSilence(tx, new Date(NOW).toISOString(), DEFAULT_EXPECTED_INTERVALS, 2)).map((m) => m.enrolmentId)).toEqual([
      neverSent,
      periodicDue,
    ]);
    // Configured intervals are obeyed.
    const longer = { PERIODIC: 48 * HOUR, CRITICAL_ALERTS: 3 * HOUR };
    expect((await marks.dueForSilence(tx, new Date(NOW).toISOString(), longer)).map((m) => m.enrolmentId)).toEqual([]);

    // Restarting a stopped one puts it back, measured from its new start.
    await marks.start(tx, { enrolmentId: stopped, monitoringMode: 'CRITICAL_ALERTS', monitoringFrom: ago(1.5) });
    expect((await marks.dueForSilence(tx, new Date(NOW).toISOString(), DEFAULT_EXPECTED_INTERVALS)).map((m) => m.enrolmentId)).toContain(stopped);
  });
});
