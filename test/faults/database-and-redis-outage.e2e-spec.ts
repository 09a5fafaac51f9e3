import { ERROR_CODES } from '@app/contracts';
import type { KafkaConnection } from '@app/messaging/kafka/kafka-sasl';
import { testDatabaseUrl } from '@app/testing';
import { Queue } from 'bullmq';
import { redisConnection } from '@app/service-kit';
import { clockOffsetTo, LocalPlatform } from '../../scripts/platform/local-platform';
import {
  activate,
  assignDevice,
  type Device,
  deviceBody,
  devToken,
  GatewayClient,
  type GatewayResponse,
  giveConsent,
  listClaims,
  pollUntil,
  prescribe,
  reportTransmissions,
  startBillingRun,
  waitForEnrolment,
  type Workflow,
} from '../../scripts/workflow';
import { HOUR_MS, lastDayOf, parisInstant, parisMidnightOf, periodBefore } from '../support/billing-calendar';
import { PrivateRedis } from '../support/private-redis';
import { openTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { EVENT_STORE_SCHEMAS, lostOrDoubled, PlatformFacts, platformKafka } from './fault-checks';
import { certifiedDevice, internalErrors, flowOn, prescriptionBody, processStart, readiness } from './fault-flows';

jest.setTimeout(900_000);

/** The month monitored then billed: next month, so that the platform's clock can stand on its 2nd and see it whole. */
const PERIOD = periodBefore(-1);
const AFTER_PERIOD = periodBefore(-2);
const MACHINE_POSTGRES = new URL(testDatabaseUrl());

/** Services that keep a database (every one but the gateway) and so must say when it is gone. */
const WITH_DATABASE = ['device-certification', 'prescription', 'enrolment', 'claims', 'audit-ledger', 'patients'];

/**
 * Faults of the platform's stores, on one platform whose services reach
 * Postgres through a TCP proxy of the test (migrations and the test's own
 * checks go direct) and use a Redis of the test's own: Postgres unreachable
 * for a few seconds, then Redis killed and started again while jobs are
 * retrying. Each ends by checking that nothing was lost or doubled.
 */
describe('faults of Postgres and Redis (every service its own process; Postgres through a proxy, a private Redis)', () => {
  let proxy: TcpProxy;
  let redis: PrivateRedis;
  let platform: LocalPlatform;
  let facts: PlatformFacts;
  let kafka: KafkaConnection;
  let client: GatewayClient;
  let device: Device;
  const flow = (): Workflow => flowOn(client, () => platform.now());
  const admin = devToken({ role: 'admin', sub: 'fault-test-admin' });

  beforeAll(async () => {
    proxy = await openTcpProxy(0, `${MACHINE_POSTGRES.hostname}:${MACHINE_POSTGRES.port || 5432}`);
    redis = await PrivateRedis.start();
    platform = await LocalPlatform.start({
      servicesDatabasePort: proxy.port,
      redisUrl: redis.url,
      // The 2nd of PERIOD, 09:00 in Paris: the whole month ahead to monitor.
      env: { CLOCK_OFFSET: clockOffsetTo(parisInstant(PERIOD, 2, 9)) },
    });
    facts = new PlatformFacts(platform.databaseUrl);
    kafka = platformKafka(platform.kafkaBrokers);
    client = new GatewayClient(platform.gatewayUrl);
    const setup = flow();
    device = await certifiedDevice(setup);
    await prescribe(setup, device);
  });

  // A test that fails half-way must not leave the next one without Postgres.
  afterEach(() => proxy?.restore());

  afterAll(async () => {
    await facts?.close();
    await platform?.stop();
    await redis?.stop();
    await proxy?.close();
  });

  /** Rows of every service's event store, audit entries and outbox, read direct (not through the proxy). */
  async function storeCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const schema of EVENT_STORE_SCHEMAS) {
      for (const table of ['events', 'audit_entries', 'outbox']) {
        const [{ n }] = await facts.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${table}`);
        counts[`${schema}.${table}`] = n;
      }
    }
    return counts;
  }

  it('Postgres unreachable for a few seconds: readiness 503, writes 503 with nothing written, recovery without a restart', async () => {
    const before = flow();
    const prescription = await prescribe(before, device);
    const enrolment = await waitForEnrolment(before, prescription.id);
    const started = Object.fromEntries(await Promise.all(WITH_DATABASE.map(async (s) => [s, await processStart(platform.url(s))] as const)));

    // Work in flight when Postgres goes: issued, their events on their way through relays and consumers.
    const inFlight = Array.from({ length: 3 }, () => flow());
    const inFlightPrescriptions = await Promise.all(inFlight.map((wf) => prescribe(wf, device)));
    proxy.cut();
    const cutAt = Date.now();
    for (const service of WITH_DATABASE) {
      const ready = await pollUntil(`${service} not ready without Postgres`, async () => {
        const answer = await readiness(platform.url(service));
        return answer.status === 503 && answer.body?.checks?.postgres?.status === 'down' ? answer : undefined;
      }, { timeoutMs: 20_000, intervalMs: 250 });
      expect(ready.body.error.code).toBe(ERROR_CODES.dependencyUnavailable);
    }
    expect((await readiness(platform.gatewayUrl)).status).toBe(503);
    // Read direct: from now on no service can write, so any row more below is a write that half-happened.
    const counts = await storeCounts();

    // A write of each kind, each with the key a client would retry it under.
    const later = flow();
    const writes = [
      { path: '/v1/prescriptions', token: later.actors.physician.token, body: prescriptionBody(later, device), ok: 201, key: `rx-${prescription.id}` },
      {
        path: `/v1/enrolments/${enrolment.id}/consent`,
        token: before.actors.patient.token,
        body: { consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(platform.now().getTime() - 60_000).toISOString() },
        ok: 200,
        key: `consent-${enrolment.id}`,
      },
      { path: '/v1/devices', token: later.actors.vendor.token, body: deviceBody(later, { exploitant: null }), ok: 201, key: `device-${prescription.id}` },
      // Writes off the event-store path: a job asked for (a row and a Redis job), a billing run (a row, then a job).
      { path: `/v1/enrolments/${enrolment.id}/rights-check`, token: before.actors.operator.token, body: {}, ok: 202, key: `rights-${enrolment.id}` },
      { path: '/v1/billing-runs', token: admin, body: { period: periodBefore(0) }, ok: 202, key: `run-${prescription.id}` },
    ];
    for (const write of writes) {
      const answer = await client.post<{ error: { code: string } }>(write.path, write.body, { token: write.token, headers: { 'idempotency-key': write.key }, expect: [503] });
      expect({ path: write.path, code: answer.body.error.code }).toEqual({ path: write.path, code: ERROR_CODES.dependencyUnavailable });
    }
    // Nothing half-written: not an event, an audit entry or an outbox row more anywhere.
    expect(await storeCounts()).toEqual(counts);
    // "A few seconds": at least five of them without Postgres.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5_000 - (Date.now() - cutAt))));

    proxy.restore();
    for (const url of [...WITH_DATABASE.map((s) => platform.url(s)), platform.gatewayUrl]) {
      await pollUntil(`${url} ready again`, async () => (await readiness(url)).status === 200, { timeoutMs: 60_000, intervalMs: 250 });
    }
    // The same writes, the same keys: the 503 was not remembered, they go through now.
    const done: Array<GatewayResponse<{ id: string }>> = [];
    for (const write of writes) done.push(await client.post<{ id: string }>(write.path, write.body, { token: write.token, headers: { 'idempotency-key': write.key }, expect: write.ok }));
    // Its consumers and relays came back too: every prescription gets its enrolment through Kafka.
    await waitForEnrolment(later, done[0].body.id);
    for (const [i, wf] of inFlight.entries()) await waitForEnrolment(wf, inFlightPrescriptions[i].id);
    // ...all without a restart.
    for (const service of WITH_DATABASE) expect({ service, started: await processStart(platform.url(service)) }).toEqual({ service, started: started[service] });

    const prescriptionIds = [prescription.id, done[0].body.id, ...inFlightPrescriptions.map((p) => p.id)];
    expect(internalErrors(platform)).toEqual([]);
    expect(await lostOrDoubled(facts, kafka, { prescriptionIds })).toEqual([]);
  });

  it('Redis killed and started again while jobs retry: the jobs resume, none has its effect twice', async () => {
    // Three flows enrolled before Redis goes, two prescribed while it is gone (their enrolments are created meanwhile).
    const flows = Array.from({ length: 5 }, () => flow());
    const [early, late] = [flows.slice(0, 3), flows.slice(3)];
    // The simulated AMO fails each patient's first two rights checks: their jobs wait in Redis for a retry.
    for (const wf of flows) {
      // Not a gateway route: the simulator is set on the service's own port.
      await new GatewayClient(platform.url('enrolment')).call('PUT', `/internal/amo-rights-simulator/${wf.actors.patient.pseudonym}`, {
        token: admin,
        body: { status: 'OPEN', failTimes: 2 },
        expect: 204,
      });
    }
    const prescriptions = await Promise.all(early.map((wf) => prescribe(wf, device)));
    await Promise.all(early.map((wf, i) => waitForEnrolment(wf, prescriptions[i].id)));

    await redis.kill('SIGKILL');
    const killedAt = Date.now();
    const enrolmentReady = await pollUntil('enrolment not ready without Redis', async () => {
      const answer = await readiness(platform.url('enrolment'));
      return answer.status === 503 && answer.body?.checks?.redis?.status === 'down' ? answer : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250 });
    expect(enrolmentReady.body.checks.postgres).toEqual({ status: 'up' });
    // The workflow goes on without Redis: a prescription needs none; its enrolment, created by a consumer, queues a job.
    prescriptions.push(...(await Promise.all(late.map((wf) => prescribe(wf, device)))));
    // Down longer than a consumer's Kafka session (10 s): a consumer waiting on Redis must not lose its events.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 12_000 - (Date.now() - killedAt))));
    await redis.startAgain();
    const enrolments = await Promise.all(flows.map((wf, i) => waitForEnrolment(wf, prescriptions[i].id)));

    // Every rights check resumed and ended OPEN, recorded once for its one request.
    const enrolmentIds = enrolments.map((e) => e.id as string);
    for (const [i, wf] of flows.entries()) await giveConsent(wf, enrolmentIds[i]);
    const rights = await facts.query<{ stream_id: string; request: number; n: number; attempts: number }>(
      `SELECT stream_id, (data->>'request')::int AS request, count(*)::int AS n, min((data->>'attempts')::int) AS attempts FROM enrolment.events
        WHERE type = 'RightsChecked' AND stream_id = ANY($1) GROUP BY 1, 2 ORDER BY 1`,
      [enrolmentIds],
    );
    // Two failures then OPEN: the answer came from the third attempt at least, the retries kept across the restart.
    expect(rights).toEqual([...enrolmentIds].sort().map((id) => ({ stream_id: id, request: 1, n: 1, attempts: expect.any(Number) })));
    for (const { attempts } of rights) expect(attempts).toBeGreaterThanOrEqual(3);

    // The month monitored whole, then billed on a clock past it.
    for (const [i, wf] of flows.entries()) {
      await assignDevice(wf, enrolmentIds[i], device);
      await activate(wf, enrolmentIds[i]);
    }
    await platform.restartAll({
      CLOCK_OFFSET: clockOffsetTo(parisInstant(AFTER_PERIOD, 3, 9)),
      // The every-minute scheduler leaves PERIOD to the admin's run (it bills a month this long after its end).
      BILLING_GRACE_HOURS: String(24 * 27),
    });
    for (const [i, wf] of flows.entries()) {
      await reportTransmissions(wf, enrolmentIds[i], { from: new Date(parisInstant(PERIOD, 2, 10).getTime()), to: new Date(parisMidnightOf(lastDayOf(PERIOD)).getTime() + 20 * HOUR_MS) });
    }
    await platform.settled();
    // The simulated AMO fails each claim's first two submissions: the jobs wait in Redis for their retries.
    await new GatewayClient(platform.url('claims')).call('PUT', '/internal/amo-claims-simulator', { token: admin, body: { behaviour: 'FAIL', failures: 2 }, expect: 204 });
    const run = await startBillingRun(flows[0], PERIOD);
    expect(run.claimed).toBeGreaterThanOrEqual(flows.length);

    // Killed while the submissions wait for their retries, down until claims says so, then started again.
    await redis.kill('SIGKILL');
    const restartedAt = Date.now();
    await pollUntil('claims not ready without Redis', async () => (await readiness(platform.url('claims'))).body?.checks?.redis?.status === 'down', {
      timeoutMs: 20_000,
      intervalMs: 250,
    });
    await redis.startAgain();
    const sweeps = new Queue('claims-sweeps', { connection: redisConnection(redis.url), prefix: 'bull:claims' });
    try {
      const [submitted] = await Promise.all([
        pollUntil('every claim of the period submitted', async () => {
          const claims = (await listClaims(flows[0], { period: PERIOD })).filter((c) => enrolmentIds.includes(c.enrolmentId));
          return claims.length === flows.length && claims.every((c) => c.status === 'SUBMITTED') ? claims : undefined;
        }, { timeoutMs: 120_000, intervalMs: 500 }),
        // The every-minute schedules survived the restart: a sweep ran again after it.
        pollUntil('a scheduled sweep finished after the Redis restart', async () => {
          const finished = await sweeps.getJobs(['completed'], 0, 50);
          return finished.some((job) => (job.finishedOn ?? 0) > restartedAt);
        }, { timeoutMs: 90_000, intervalMs: 1_000 }),
      ]);
      // Each claim went to the AMO once: one ClaimSubmitted each.
      const claimIds = submitted.map((c) => c.id as string);
      const submissions = await facts.query<{ stream_id: string; n: number; attempts: number }>(
        `SELECT stream_id, count(*)::int AS n, min((data->>'attempts')::int) AS attempts FROM claims.events
          WHERE type = 'ClaimSubmitted' AND stream_id = ANY($1) GROUP BY 1 ORDER BY 1`,
        [claimIds],
      );
      expect(submissions).toEqual([...claimIds].sort().map((id) => ({ stream_id: id, n: 1, attempts: expect.any(Number) })));
      for (const { attempts } of submissions) expect(attempts).toBeGreaterThanOrEqual(3);
    } finally {
      await sweeps.close();
    }

    expect(internalErrors(platform)).toEqual([]);
    expect(await lostOrDoubled(facts, kafka, { prescriptionIds: prescriptions.map((p) => p.id) })).toEqual([]);
  });
});
