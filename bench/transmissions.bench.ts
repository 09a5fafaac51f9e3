/*
 * npm run bench:transmissions
 *
 * The store side of POST /v1/enrolments/:id/transmissions and of the silence
 * sweep, on a fresh schema of the real Postgres: BENCH_ENROLMENTS enrolments
 * (default 1000, one in ten CRITICAL_ALERTS) each report every 15 minutes of
 * simulated time for BENCH_HOURS (default 24), BENCH_ITEMS transmissions a
 * batch (default 1). Each batch is what the use case does besides its events:
 * lock the marks, read the silences it may touch, plan (planTransmissions),
 * add its days, write the silence changes and the marks, one transaction.
 * After every simulated quarter the sweep runs at the simulated clock
 * (dueForSilence, then per enrolment lock + planSweep + openOngoing).
 * A few enrolments go quiet for three hours and then send their backlog late,
 * so silences open, close, shorten and split along the way.
 * BENCH_CLIENTS batches run side by side (default 4). Batches are submitted
 * as fast as the database takes them, in simulated-time order: the figures
 * are a ceiling, to compare with the 1.1 batches/s the target load needs.
 */
import { createTestDatabase } from '@app/testing';
import { cpus, loadavg } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_EXPECTED_INTERVALS } from '../apps/enrolment/src/domain/transmissions/expected-interval';
import { identify } from '../apps/enrolment/src/domain/transmissions/silence-ids';
import { planSweep } from '../apps/enrolment/src/domain/transmissions/silence-sweep';
import { transmissionDaysOf } from '../apps/enrolment/src/domain/transmissions/transmission-days';
import { planTransmissions } from '../apps/enrolment/src/domain/transmissions/transmission-plan';
import { CreateTransmissionTables1764308100000 } from '../apps/enrolment/src/migrations/create-transmission-tables.migration';
import { SilencesRepository } from '../apps/enrolment/src/transmissions/silences.repository';
import { TransmissionDaysRepository } from '../apps/enrolment/src/transmissions/transmission-days.repository';
import { TransmissionMarksRepository } from '../apps/enrolment/src/transmissions/transmission-marks.repository';
import { percentile } from './bench-stats';

const enrolments = Number(process.env.BENCH_ENROLMENTS ?? 1000);
const hours = Number(process.env.BENCH_HOURS ?? 24);
const items = Number(process.env.BENCH_ITEMS ?? 1);
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const QUARTER = 15 * 60_000;
const START = Date.parse('2026-03-02T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const days = new TransmissionDaysRepository();
const marks = new TransmissionMarksRepository();
const silences = new SilencesRepository();

interface Enrolment {
  id: string;
  intervalMs: number;
  /** When in each quarter it reports. */
  phaseMs: number;
  /** Quiet from hour 6 to 9, then reports the current reading and, a quarter later, the backlog. */
  quiet: boolean;
}

/** The instants of the quarter `q` an enrolment reports (its readings, `items` of them, spread over the quarter). */
const readings = (e: Enrolment, q: number): number[] =>
  Array.from({ length: items }, (_, i) => START + q * QUARTER + e.phaseMs - (i * QUARTER) / items);

const [QUIET_FROM, QUIET_TO] = [6 * 4, 9 * 4];
/** The backlog a quiet enrolment sends late: all but 7:30 to 8:30, a gap still longer than an hour. */
const BACKLOG = Array.from({ length: QUIET_TO - QUIET_FROM }, (_, i) => QUIET_FROM + i).filter((q) => q < 30 || q > 33);

/**
 * What each enrolment sends at quarter `q`: this quarter's readings; nothing while quiet (the sweep opens the
 * silence of a CRITICAL_ALERTS one); at 9:00 this quarter's (closing it), at 9:15 this quarter's and the backlog
 * (late: the silence is cut, only the 7:30-8:30 part stays).
 */
function batchOf(e: Enrolment, q: number): number[] {
  if (!e.quiet || q < QUIET_FROM || q > QUIET_TO) return [...readings(e, q), ...(e.quiet && q === QUIET_TO + 1 ? BACKLOG.flatMap((b) => readings(e, b)) : [])];
  return q === QUIET_TO ? readings(e, q) : [];
}

type Db = Awaited<ReturnType<typeof createTestDatabase>>;

/** The incident changes the batches planned, to show every path ran. */
const incidentChanges = { opened: 0, closed: 0, moved: 0, withdrawn: 0 };

async function report(db: Db, e: Enrolment, instants: string[]): Promise<void> {
  await db.dataSource.transaction(async (tx) => {
    const stored = await marks.lockFor(tx, e.id);
    if (!stored) throw new Error(`no marks for ${e.id}`);
    const plan = planTransmissions({ marks: stored, silences: await silences.touchableBy(tx, e.id, instants), instants, intervalMs: e.intervalMs });
    const changes = identify(plan, uuidv7);
    await days.add(tx, e.id, transmissionDaysOf(plan.accepted));
    await silences.apply(tx, e.id, changes.silences);
    await marks.save(tx, e.id, plan.marks);
    incidentChanges.opened += changes.incidents.open.length;
    incidentChanges.closed += changes.incidents.update.filter((u) => u.change === 'CLOSED').length;
    incidentChanges.moved += changes.incidents.update.filter((u) => u.change === 'LATE_TRANSMISSIONS').length;
    incidentChanges.withdrawn += changes.incidents.withdraw.length;
  });
}

async function sweep(db: Db, now: number): Promise<number> {
  let opened = 0;
  for (;;) {
    const due = await marks.dueForSilence(db.dataSource.manager, iso(now), DEFAULT_EXPECTED_INTERVALS, 100);
    for (const candidate of due) {
      await db.dataSource.transaction(async (tx) => {
        const stored = await marks.lockFor(tx, candidate.enrolmentId);
        const intervalMs = DEFAULT_EXPECTED_INTERVALS[candidate.monitoringMode];
        const hasOngoingSilence = (await silences.ongoingOf(tx, candidate.enrolmentId)) !== null;
        const opening = stored && planSweep({ marks: stored, hasOngoingSilence, now: iso(now), intervalMs });
        if (opening && (await silences.openOngoing(tx, candidate.enrolmentId, { id: uuidv7(), fromAt: opening.silence.fromAt, incidentId: uuidv7() }))) opened += 1;
      });
    }
    if (due.length < 100) return opened;
  }
}

/** Runs the jobs `clients` at a time, recording each one's latency. */
async function runAll(jobs: Array<() => Promise<void>>, latencies: number[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let job = next++; job < jobs.length; job = next++) {
      const t0 = performance.now();
      await jobs[job]();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
}

async function main(): Promise<void> {
  const db = await createTestDatabase([CreateTransmissionTables1764308100000], clients + 1);
  try {
    console.log(`transmissions bench: schema ${db.schema}, ${enrolments} enrolments, ${hours} simulated h, every 15 min, ${items} item(s)/batch, ${clients} clients`);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(2)} at start (shared)`);
    const all: Enrolment[] = Array.from({ length: enrolments }, (_, i) => ({
      id: uuidv7(),
      intervalMs: i % 10 === 0 ? DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS : DEFAULT_EXPECTED_INTERVALS.PERIODIC,
      phaseMs: Math.floor((i * QUARTER) / enrolments),
      quiet: i % 50 === 0,
    }));
    for (const e of all) {
      const monitoringMode = e.intervalMs === DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS ? 'CRITICAL_ALERTS' : 'PERIODIC';
      await marks.start(db.dataSource.manager, { enrolmentId: e.id, monitoringMode, monitoringFrom: iso(START) });
    }

    const batchMs: number[] = [];
    const sweepMs: number[] = [];
    let opened = 0;
    let transmissions = 0;
    let batchSeconds = 0;
    const started = performance.now();
    for (let q = 1; q <= hours * 4; q += 1) {
      const jobs = all.flatMap((e) => {
        const batch = batchOf(e, q).map(iso);
        transmissions += batch.length;
        return batch.length ? [() => report(db, e, batch)] : [];
      });
      const t0 = performance.now();
      await runAll(jobs, batchMs);
      batchSeconds += (performance.now() - t0) / 1000;
      const t1 = performance.now();
      opened += await sweep(db, START + (q + 1) * QUARTER);
      sweepMs.push(performance.now() - t1);
    }
    const elapsed = (performance.now() - started) / 1000;
    batchMs.sort((a, b) => a - b);
    sweepMs.sort((a, b) => a - b);

    const [counts] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM transmission_days) AS days, (SELECT count(*) FROM silences) AS silences,
              (SELECT count(*) FROM silences WHERE to_at IS NULL) AS ongoing`,
    );
    const ms = (value: number) => value.toFixed(2);
    console.log(`\n${batchMs.length} batches (${transmissions} transmissions) in ${elapsed.toFixed(1)} s wall, sweeps included`);
    console.log(
      `batches/s: ${(batchMs.length / batchSeconds).toFixed(0)} over the batch phases (${clients} clients; the target load is ${(enrolments / 900).toFixed(2)}/s)`,
    );
    console.log(`batch latency ms: p50 ${ms(percentile(batchMs, 50))}  p95 ${ms(percentile(batchMs, 95))}  p99 ${ms(percentile(batchMs, 99))}  max ${ms(batchMs.at(-1) ?? NaN)}`);
    console.log(`sweep (every simulated 15 min, ${sweepMs.length} runs) ms: p50 ${ms(percentile(sweepMs, 50))}  p95 ${ms(percentile(sweepMs, 95))}; ongoing silences opened: ${opened}`);
    console.log(`incident changes planned by the batches: ${JSON.stringify(incidentChanges)}`);
    console.log(`stored: ${counts.days} day rows, ${counts.silences} silences (${counts.ongoing} ongoing)`);
    const plan: Array<{ 'QUERY PLAN': string }> = await db.dataSource.query(
      `EXPLAIN SELECT enrolment_id FROM unnest($1::text[], $2::timestamptz[]) AS due(mode, silent_since)
         JOIN transmission_marks m ON m.monitoring_mode = due.mode AND m.reference_at < due.silent_since AND m.stopped_at IS NULL`,
      [['PERIODIC'], [iso(START)]],
    );
    console.log(`sweep candidates read through: ${plan.map((row) => row['QUERY PLAN'].trim()).find((line) => /Index|Seq Scan/.test(line))}`);
    console.log(`load average ${loadavg()[0].toFixed(2)} at the end`);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
