/*
 * npm run bench:workflow -- [--flows N] [--rate R] [--max | --rates a,b,c] [--seconds S] [--poll-ms P]
 *
 * Complete prescription-to-enrolment flows through Kafka, on a LocalPlatform
 * this bench starts for itself (every service its own Node process as
 * `npm start` runs them, its own broker and database; the gateway's rate
 * limit raised). Untimed setup: a device registered and certified, its
 * certification seen by the prescription service, a warm-up. Then flows arrive
 * on a fixed timetable (open loop: an arrival never waits for an earlier flow,
 * so a platform that falls behind queues and its latency shows it). A flow is
 * a physician's POST /v1/prescriptions for a new patient (201), then the
 * enrolment the enrolment service creates from PrescriptionIssued (relay ->
 * Kafka -> consumer), seen through the gateway (GET /v1/enrolments, one list
 * request for all the flows in flight every --poll-ms: bench/workflow-watch.ts).
 *
 * Printed per level: flows/s completed, p50/p99 of 201 -> visible (the
 * issue's figure), of arrival -> 201 and arrival -> visible (queueing
 * included), where 201 -> visible goes (-> PrescriptionIssued in Kafka, by the
 * message's timestamp -> enrolment decided, by its createdAt -> visible), and
 * the CPU each process used. --max (or --rates) tries increasing rates, S
 * seconds of arrivals each, waiting between levels for every consumer group to
 * catch up, and stops after the first that is not sustained.
 * Targets on 2 cores: >= 100 flows/s sustained, p99 < 300 ms at 50 flows/s.
 * --cpu-profiles DIR has every service write its CPU profile there when it
 * stops (bench/cpu-profile.cjs). BENCH_SERVICE_NODE_OPTIONS is given to every
 * service in NODE_OPTIONS too (a `--require` of one's own, `--max-old-space-size`).
 */
import { Logger } from '@nestjs/common';
import { logLevel, type Kafka } from 'kafkajs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { TOPICS } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { LocalPlatform } from '../scripts/platform/local-platform';
import { localKafkaConnection } from '../scripts/infra/admin-connection';
import { certifyDevice, freshActors, GatewayClient, prescribe, registerDevice, type Workflow } from '../scripts/workflow';
import { openLoop, realClock } from './workflow-arrivals';
import { parseWorkflowArgs, type WorkflowBenchArgs } from './workflow-args';
import { childProcesses, coresUsed, formatCores, platformProcessName, sample, type CpuSample } from './workflow-cpu';
import { nirSequence, prescriptionToEnrolment, type FlowSetting } from './workflow-flow';
import { untilCaughtUp, writtenAt } from './workflow-kafka';
import { formatLevels, formatStages, maxSustained, spread, summarise, type FlowTimes, type LevelSummary } from './workflow-stats';
import { EnrolmentWatch, type EnrolmentPage } from './workflow-watch';
import { measureMachineReference, perThousandReferenceOps } from './machine-reference';

const TARGETS = { sustained: 100, p99AtFifty: 300 };
const WARM_UP = { flows: 40, rate: 10 };

interface Bench {
  args: WorkflowBenchArgs;
  platform: LocalPlatform;
  client: GatewayClient;
  kafka: Kafka;
  deviceId: string;
  physicianToken: string;
  nextNir: () => string;
  processes: () => Map<string, number[]>;
  /** Cores each process uses with no flow running (relay polls, consumers' fetches, heartbeats, jobs). */
  idle: Map<string, number>;
}

/** CPU ms each process spent per flow, beyond its idle use. */
function formatPerFlow(cores: Array<[string, number]>, idle: Map<string, number>, seconds: number, flows: number): string {
  const perFlow = cores.map(([label, used]): [string, number] => [label, (Math.max(0, used - (idle.get(label) ?? 0)) * seconds * 1000) / flows]);
  return `${perFlow.map(([label, ms]) => `${label} ${ms.toFixed(1)}`).join(', ')} (total ${perFlow.reduce((s, [, ms]) => s + ms, 0).toFixed(1)} ms)`;
}

/** What the platform uses doing nothing, over `seconds`. */
async function idleUse(groups: Map<string, number[]>, seconds: number): Promise<Map<string, number>> {
  const before = sample(groups);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return new Map(coresUsed(before, sample(groups), seconds));
}

/** The CPU of the platform's processes: its services and broker (our children) and its database's backends. */
async function cpuGroups(databaseUrl: string, database: string): Promise<() => Map<string, number[]>> {
  const pg = new Client({ connectionString: databaseUrl });
  // Dropping the database at the end terminates this session: not an error of the bench.
  pg.on('error', () => undefined);
  await pg.connect();
  const backends = async () =>
    (await pg.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);
  let postgres = await backends();
  const refresh = setInterval(() => void backends().then((pids) => (postgres = pids), () => undefined), 2_000);
  refresh.unref();
  return () => {
    const groups = childProcesses(process.pid, platformProcessName);
    groups.set('postgres', postgres);
    groups.set('bench', [process.pid]);
    return groups;
  };
}

async function runLevel(bench: Bench, rate: number, flows: number, record = true): Promise<LevelSummary | null> {
  await untilCaughtUp(bench.kafka).catch((error: unknown) => console.log(`  (warning: ${(error as Error).message})`));
  const operator = freshActors().operator;
  const watch = new EnrolmentWatch({
    list: async (page, pageSize) =>
      (await bench.client.get<EnrolmentPage>(`/v1/enrolments?page=${page}&pageSize=${pageSize}`, { token: operator.token, expect: 200 })).body,
    pollMs: bench.args.pollMs,
    now: realClock.now,
  });
  const setting: FlowSetting = {
    client: bench.client,
    deviceId: bench.deviceId,
    physicianToken: bench.physicianToken,
    operatorOrg: operator.org,
    watch,
    visibleWithinMs: 60_000,
    now: realClock.now,
  };
  watch.start();
  const groups = bench.processes();
  const before: CpuSample = sample(groups);
  const started = realClock.now();
  const result = await openLoop({ count: flows, ratePerSecond: rate }, (arrival) => prescriptionToEnrolment(setting, arrival, bench.nextNir()));
  const seconds = (realClock.now() - started) / 1000;
  const cores = coresUsed(before, sample(groups), seconds);
  await watch.stop();
  if (!record) return null;
  const times: FlowTimes[] = result.outcomes.map((o) => (o.ok ? o.value : { scheduledAt: NaN, error: errorText(o.error) }));
  const published = await writtenAt(bench.kafka, TOPICS.prescription, 'PrescriptionIssued');
  for (const t of times) if (t.prescriptionId) t.publishedAt = published.get(t.prescriptionId);
  const summary = summarise(rate, times, { minShareOfRate: 0.95, maxP99Ms: bench.args.maxP99Ms });
  const errors = [...new Set(times.flatMap((t) => (t.error ? [t.error] : [])))].slice(0, 3);
  console.log(
    `  ${rate} flows/s x ${flows}: ${summary.completed} done, ${summary.throughput.toFixed(1)}/s, ` +
      `201->visible p50 ${summary.visibleAfterCreated.p50.toFixed(0)} p99 ${summary.visibleAfterCreated.p99.toFixed(0)} ms, ` +
      `arrival->visible p99 ${summary.endToEnd.p99.toFixed(0)} ms, ${summary.sustained ? 'sustained' : `NOT sustained (${summary.shortfalls.join('; ')})`}; ` +
      `generator lag max ${result.maxLagMs.toFixed(0)} ms, ${watch.requests} list requests (${watch.failures} failed, p50 ${spread(watch.requestMs).p50.toFixed(0)} ms each), load ${loadavg()[0].toFixed(2)}`,
  );
  console.log(`    CPU: ${formatCores(cores)}`);
  console.log(`    CPU ms a flow, idle use taken off: ${formatPerFlow(cores, bench.idle, seconds, flows)}`);
  for (const error of errors) console.log(`    error: ${error}`);
  return summary;
}

/** What every service gets besides the platform's environment: the profiler of --cpu-profiles, BENCH_SERVICE_NODE_OPTIONS. */
function serviceEnv(args: WorkflowBenchArgs): Record<string, string> {
  const options = [process.env.BENCH_SERVICE_NODE_OPTIONS ?? ''];
  const env: Record<string, string> = {};
  if (args.cpuProfiles) {
    options.push(`--require "${resolve(__dirname, 'cpu-profile.cjs')}"`);
    env.CPU_PROFILE_DIR = resolve(args.cpuProfiles);
  }
  const nodeOptions = options.filter((option) => option !== '').join(' ');
  return nodeOptions ? { ...env, NODE_OPTIONS: nodeOptions } : env;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const args = parseWorkflowArgs(process.argv.slice(2));
  console.log(`workflow bench: ${args.ramp.length ? `rates ${args.ramp.join(', ')} flows/s, ${args.levelSeconds} s each` : `${args.flows} flows at ${args.rate} flows/s`}, watch every ${args.pollMs} ms`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start (shared with whatever else runs)`);
  // Measured before anything of the platform runs: the machine's own speed, to compare figures across machines.
  const reference = measureMachineReference();
  console.log(`machine reference: ${reference.toFixed(0)} ops/s on one core (bench/machine-reference.ts)`);
  const startedAt = Date.now();
  const platform = await LocalPlatform.start({ env: serviceEnv(args) });
  try {
    console.log(`platform up in ${((Date.now() - startedAt) / 1000).toFixed(0)} s (logs ${platform.logDir})`);
    const kafka = createKafka({ ...localKafkaConnection({ ...process.env, KAFKA_BROKERS: platform.kafkaBrokers }), clientId: 'bench-workflow', level: logLevel.NOTHING });
    const client = new GatewayClient(platform.gatewayUrl);
    const wf: Workflow = { client, actors: freshActors(), now: () => new Date(), timeoutMs: 60_000 };
    const device = await certifyDevice(wf, await registerDevice(wf));
    // Its first prescription waits for the certification to reach the prescription service.
    await prescribe(wf, device);
    const database = new URL(platform.databaseUrl).pathname.slice(1);
    const bench: Bench = {
      args,
      platform,
      client,
      kafka,
      deviceId: device.deviceId,
      physicianToken: wf.actors.physician.token,
      nextNir: nirSequence(),
      processes: await cpuGroups(platform.databaseUrl, database),
      idle: new Map(),
    };
    console.log(`warm-up: ${WARM_UP.flows} flows at ${WARM_UP.rate}/s (not measured)`);
    await runLevel(bench, WARM_UP.rate, WARM_UP.flows, false);
    await untilCaughtUp(kafka).catch(() => undefined);
    bench.idle = await idleUse(bench.processes(), 5);
    console.log(`idle: ${formatCores([...bench.idle])}`);

    const plan = args.ramp.length ? args.ramp.map((rate) => ({ rate, flows: Math.round(rate * args.levelSeconds) })) : [{ rate: args.rate, flows: args.flows }];
    const levels: LevelSummary[] = [];
    for (const { rate, flows } of plan) {
      const summary = await runLevel(bench, rate, flows);
      if (!summary) continue;
      levels.push(summary);
      if (args.ramp.length && !summary.sustained) break;
    }
    console.log(`\n${formatLevels(levels)}\n\nwhere 201 -> visible goes (p50 / p99 ms):\n${formatStages(levels)}`);
    console.log(
      `\ncompletions/s per 1,000 reference ops/s (comparable across machines): ${levels.map((level) => `${level.rate}/s offered -> ${perThousandReferenceOps(level.throughput, reference).toFixed(2)}`).join(', ')}`,
    );
    const best = maxSustained(levels);
    if (args.ramp.length) console.log(`\nmax sustained: ${best ?? 'none'} flows/s of those tried; target >= ${TARGETS.sustained} -> ${(best ?? 0) >= TARGETS.sustained ? 'met' : 'NOT met'}`);
    const fifty = levels.find((level) => level.rate === 50);
    if (fifty) {
      console.log(`p99 201 -> visible at 50 flows/s: ${fifty.visibleAfterCreated.p99.toFixed(0)} ms; target < ${TARGETS.p99AtFifty} -> ${fifty.visibleAfterCreated.p99 < TARGETS.p99AtFifty ? 'met' : 'NOT met'}`);
    }
    console.log(`load average ${loadavg()[0].toFixed(2)} at the end`);
  } finally {
    await platform.stop();
    if (args.cpuProfiles) console.log(`CPU profiles of the services in ${resolve(args.cpuProfiles)}`);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** fetch's own "fetch failed" says nothing: its cause (ECONNRESET, "other side closed"...) is what tells a network failure apart. */
function errorText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause ? `${String(error)} (${cause.code ?? cause.message ?? String(cause)})` : String(error);
}
