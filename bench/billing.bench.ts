/*
 * npm run bench:billing
 *
 * One monthly billing run of the claims service over BENCH_ENROLMENTS
 * (default 10,000) ACTIVE enrolments, the service started in-process on a
 * fresh schema of the real Postgres, with the real Kafka and Redis.
 *
 * Seeding goes through the service's own consumers, never SQL into its
 * tables: the envelopes the device-certification, prescription and
 * enrolment services would publish (billing.workload.ts) are published on
 * their real topics, the identities sealed under each patient's key with the
 * app's own keyring (as enrolment-feed.fixture.ts does), and the bench waits
 * until the service's facts hold every stream. Every enrolment is ACTIVE,
 * consented, with OPEN rights and a certified device from the first instant
 * of the current Paris month (BENCH_DEVICES products, half of them with an
 * exploitant of their own, BENCH_OPERATORS operator orgs, ALD one in two).
 *
 * Then the platform clock moves past the end of that month and an admin
 * starts its billing run (POST /v1/billing-runs): the time from the request to
 * the run COMPLETED is the figure, with claims/s, and the spread of the
 * instants claims were created at (interval between consecutive claims, p50 /
 * p99). Target: 10,000 claims in under 60 s on 2 cores. The submission to the
 * (simulated) AMO starts as claims are created, as in production, so it
 * competes with the run; BENCH_AWAIT_SUBMISSION=1 also times it to the end.
 */
import '../libs/testing/src/integration-env.setup';
import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import { ENROLMENT_SEALED_FIELDS, PRESCRIPTION_SEALED_FIELDS, type PatientIdentityV1 } from '@app/contracts';
import { fieldAad, nirKey, patientPseudonym } from '@app/fr-health';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { eventually, testKafka } from '@app/testing';
import type { Message } from 'kafkajs';
import { cpus, loadavg } from 'node:os';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { periodOf } from '../apps/claims/src/domain/billing/period';
import { claimsTokens, startClaims, type ClaimsTestApp } from '../apps/claims/src/testing/claims.test-app';
import { percentile } from './bench-stats';
import {
  BENCH_TOPICS,
  deviceMessages,
  ENROLMENT_STREAM_VERSION,
  enrolmentMessages,
  EXPLOITANT,
  MANUFACTURER,
  prescriptionMessage,
  udiDi,
  type BenchDevice,
  type BenchPatient,
} from './billing.workload';

const enrolments = Number(process.env.BENCH_ENROLMENTS ?? 10_000);
const deviceCount = Number(process.env.BENCH_DEVICES ?? 10);
const operatorCount = Number(process.env.BENCH_OPERATORS ?? 20);
const sealers = Number(process.env.BENCH_SEALERS ?? 8);
const awaitSubmission = process.env.BENCH_AWAIT_SUBMISSION === '1';
const SEND_CHUNK = 1_000;
const HOUR_MS = 3_600_000;

const seconds = (fromMs: number) => ((performance.now() - fromMs) / 1000).toFixed(1);

function keyringOf(t: ClaimsTestApp): PatientKeyring {
  return t.app.get<symbol, PatientKeyring>(PATIENT_KEYRING, { strict: false });
}

/** The i-th patient's NIR: ten thousand random ones would share pseudonyms (randomNir draws from 100,000), and a shared one is one claim. */
function nirNumber(i: number): string {
  const first13 = `1840375${String(i).padStart(6, '0')}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}

/** One patient: a NIR, its pseudonym, and its identity sealed twice (prescription's, enrolment's), in one transaction. */
async function patientOf(t: ClaimsTestApp, i: number, devices: BenchDevice[]): Promise<BenchPatient> {
  const nir = nirNumber(i);
  const pseudonym = patientPseudonym(nir, DEV_PSEUDONYM_SECRET);
  const enrolmentId = uuidv7();
  const prescriptionId = uuidv7();
  const identity: PatientIdentityV1 = { nir, birthDate: '1954-03-02' };
  const plaintext = JSON.stringify(identity);
  const [prescriptionIdentity, enrolmentIdentity] = await t.dataSource.transaction(async (manager) => {
    const sealer = await keyringOf(t).sealerFor(pseudonym, manager);
    return [
      sealer.encrypt(plaintext, fieldAad(`prescription:${prescriptionId}`, PRESCRIPTION_SEALED_FIELDS.identity)),
      sealer.encrypt(plaintext, fieldAad(`enrolment:${enrolmentId}`, ENROLMENT_SEALED_FIELDS.identity)),
    ];
  });
  return {
    enrolmentId,
    prescriptionId,
    pseudonym,
    device: devices[i % devices.length],
    operatorOrg: `TLSM-OPERATOR-${String(i % operatorCount).padStart(2, '0')}`,
    ald: i % 2 === 0,
    prescriptionIdentity,
    enrolmentIdentity,
  };
}

async function allPatients(t: ClaimsTestApp, devices: BenchDevice[]): Promise<BenchPatient[]> {
  const patients: BenchPatient[] = new Array(enrolments);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < enrolments; i = next++) patients[i] = await patientOf(t, i, devices);
  };
  await Promise.all(Array.from({ length: sealers }, worker));
  return patients;
}

/** Publishes in chunks, one idempotent producer, each stream's events in order under its key (one partition). */
async function publish(topic: string, messages: Message[]): Promise<void> {
  const producer = testKafka('billing-bench').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += SEND_CHUNK) await producer.send({ topic, messages: messages.slice(i, i + SEND_CHUNK) });
  } finally {
    await producer.disconnect();
  }
}

const countOf = async (t: ClaimsTestApp, sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);

interface RunView {
  id: string;
  period: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  enrolments: number;
  claimed: number;
  skipped: Array<{ enrolmentId: string; reason: string }>;
}

async function main(): Promise<void> {
  console.log(`billing bench: ${enrolments} enrolments, ${deviceCount} devices, ${operatorCount} operators`);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(2)} at start (shared)`);
  const t = await startClaims();
  const http = () => request(t.app.getHttpServer());
  try {
    const period = periodOf(t.clock.now());
    const monthStart = period.from.getTime();
    console.log(`schema ${t.schema}; billed period ${period.id} (${period.firstDay} to ${period.lastDay}), every enrolment ACTIVE from its first instant`);

    // 1. Devices, through device-certification.events.v1.
    let phase = performance.now();
    const devices: BenchDevice[] = Array.from({ length: deviceCount }, (_, i) => ({
      deviceId: uuidv7(),
      udiDi: udiDi(i + 1),
      exploitant: i % 2 === 0 ? EXPLOITANT : MANUFACTURER,
    }));
    await publish(BENCH_TOPICS.devices, devices.flatMap((device) => deviceMessages(device, monthStart)));
    const deviceIds = devices.map((d) => d.deviceId);
    await eventually('the devices certified in the claims service', async () =>
      (await countOf(t, `SELECT count(*) AS n FROM device_facts WHERE device_id = ANY($1::uuid[]) AND lpp_code IS NOT NULL`, [deviceIds])) === deviceCount,
    { timeoutMs: 60_000, intervalMs: 200 });
    console.log(`devices: ${deviceCount} certified in ${seconds(phase)} s`);

    // 2. Patients: identities sealed under their keys.
    phase = performance.now();
    const patients = await allPatients(t, devices);
    console.log(`patients: ${enrolments} identities sealed under their own keys in ${seconds(phase)} s (${sealers} side by side)`);

    // 3. Prescriptions then enrolments, through their topics; awaited in the service's facts.
    phase = performance.now();
    await publish(BENCH_TOPICS.prescriptions, patients.map((p) => prescriptionMessage(p, monthStart)));
    await publish(BENCH_TOPICS.enrolments, patients.flatMap((p) => enrolmentMessages(p, monthStart)));
    console.log(`published ${enrolments} prescriptions and ${enrolments * ENROLMENT_STREAM_VERSION} enrolment events in ${seconds(phase)} s`);
    const prescriptionIds = patients.map((p) => p.prescriptionId);
    const enrolmentIds = patients.map((p) => p.enrolmentId);
    let shown = 0;
    await eventually('every enrolment and prescription in the claims service', async () => {
      const [held, prescriptions] = await Promise.all([
        countOf(t, `SELECT count(*) AS n FROM enrolment_facts WHERE enrolment_id = ANY($1::uuid[]) AND stream_version >= $2`, [enrolmentIds, ENROLMENT_STREAM_VERSION]),
        countOf(t, `SELECT count(*) AS n FROM prescription_facts WHERE prescription_id = ANY($1::uuid[])`, [prescriptionIds]),
      ]);
      if (Date.now() - shown > 10_000) {
        shown = Date.now();
        console.log(`  consumed so far: ${held} enrolments, ${prescriptions} prescriptions`);
      }
      return held === enrolments && prescriptions === enrolments;
    }, { timeoutMs: 15 * 60_000, intervalMs: 500 });
    console.log(`seeded through the consumers in ${seconds(phase)} s`);

    // 4. The month has ended: the billing run.
    t.clock.advance(period.to.getTime() + HOUR_MS - t.clock.now().getTime());
    console.log(`clock moved to ${t.clock.now().toISOString()}; load average ${loadavg()[0].toFixed(2)}`);
    const started = performance.now();
    const requestedAt = t.clock.now().getTime();
    const accepted = await http().post('/v1/billing-runs').set('Authorization', claimsTokens.admin).send({ period: period.id });
    if (accepted.status !== 202) throw new Error(`POST /v1/billing-runs answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    const runId = accepted.body.id as string;
    const run = await eventually(`billing run ${runId} completed`, async () => {
      const { body } = await http().get(`/v1/billing-runs/${runId}`).set('Authorization', claimsTokens.admin);
      const view = body as RunView;
      if (view.status === 'FAILED') throw new Error(`billing run ${runId} FAILED: ${JSON.stringify(body).slice(0, 500)}`);
      return view.status === 'COMPLETED' ? view : undefined;
    }, { timeoutMs: 30 * 60_000, intervalMs: 100 });
    const elapsed = (performance.now() - started) / 1000;

    const reasons = run.skipped.reduce<Record<string, number>>((all, s) => ({ ...all, [s.reason]: (all[s.reason] ?? 0) + 1 }), {});
    console.log(`\nbilling run ${runId}: ${run.enrolments} enrolments seen, ${run.claimed} claimed, ${run.skipped.length} skipped ${JSON.stringify(reasons)}`);
    console.log(`total ${elapsed.toFixed(1)} s from the request to COMPLETED: ${(run.claimed / elapsed).toFixed(0)} claims/s (target: ${enrolments} in under 60 s)`);
    if (run.claimed !== enrolments) console.log(`note: ${run.claimed} claims for ${enrolments} seeded enrolments (other tests publishing on the shared topics add theirs)`);

    const created: Array<{ at: Date }> = await t.dataSource.query(`SELECT created_at AS at FROM claims WHERE billing_run_id = $1 ORDER BY created_at`, [runId]);
    const instants = created.map((row) => new Date(row.at).getTime());
    if (instants.length > 1) {
      const gaps = instants.slice(1).map((at, i) => at - instants[i]).sort((a, b) => a - b);
      const span = (instants.at(-1)! - instants[0]) / 1000;
      console.log(
        `claims created over ${span.toFixed(1)} s (the first ${((instants[0] - requestedAt) / 1000).toFixed(1)} s after the request); ` +
          `interval between claims ms: p50 ${percentile(gaps, 50).toFixed(2)}  p99 ${percentile(gaps, 99).toFixed(2)}  max ${gaps.at(-1)!.toFixed(0)}`,
      );
    }
    const byStatus: Array<{ status: string; n: string }> = await t.dataSource.query(`SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status`);
    console.log(`claims by status now: ${byStatus.map((row) => `${row.status} ${row.n}`).join(', ')}`);

    if (awaitSubmission) {
      await eventually('every claim past submission', async () =>
        (await countOf(t, `SELECT count(*) AS n FROM claims WHERE billing_run_id = $1 AND status = 'CREATED'`, [runId])) === 0,
      { timeoutMs: 30 * 60_000, intervalMs: 500 });
      console.log(`every claim submitted ${((performance.now() - started) / 1000).toFixed(1)} s after the request`);
    }
    console.log(`load average ${loadavg()[0].toFixed(2)} at the end`);
  } finally {
    await t.close();
  }
}

main().then(
  // BullMQ and Kafka clients of a closed app may keep handles open for a moment: the bench is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
