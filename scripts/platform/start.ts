/**
 * `npm start`: the whole platform on this machine. Ensures Postgres, Redis,
 * the database and a Kafka broker, creates every topic services.json declares
 * (and waits for their partition leaders) and the ACLs of each service's
 * principal, migrates every service, builds the web console the gateway
 * serves at `/`, starts
 * each as its own process, waits until all are ready, prints where they
 * listen, and stops everything on Ctrl-C / SIGTERM or when one dies.
 */
import { loadServiceRegistry, type ServiceEntry } from '../../apps/gateway/src/registry';
import { ensureKafka, stopKafka } from '../infra/kafka';
import { adminConnection } from '../infra/admin-connection';
import { kafkaSettings } from '../infra/kafka-settings';
import { ensureDatabase, ensurePostgres, ensureRedis } from '../infra/postgres-redis';
import { buildConsole } from './console-build';
import { consoleTokens } from './console-tokens';
import { migrateServices } from './migrate-services';
import { platformSummary } from './platform-summary';
import { serviceEnvironments } from './service-env';
import { PlatformSupervisor } from './platform-supervisor';
import { createPlatformTopics } from './platform-topics';
import { waitUntilReady } from './wait-ready';

const log = (line: string): void => console.log(`[platform] ${line}`);
const localUrl = (service: ServiceEntry): string => `http://127.0.0.1:${service.port}`;
const readyTimeoutMs = Number(process.env.PLATFORM_READY_TIMEOUT_MS ?? 180_000);

// Kept as a promise so a Ctrl-C while the broker is still starting stops it too.
let kafka: Promise<{ startedByUs: boolean }> | undefined;
const supervisor = new PlatformSupervisor(log, async () => {
  const startedByUs = kafka ? (await kafka.catch(() => ({ startedByUs: false }))).startedByUs : false;
  if (!startedByUs) return;
  log('stopping the Kafka broker started by npm start');
  await stopKafka();
});

let signalled = 0;
function onSignal(signal: NodeJS.Signals): void {
  signalled += 1;
  if (signalled > 1) {
    log(`${signal} again: killing every service now`);
    supervisor.killAll();
    process.exit(130);
  }
  log(`${signal} received`);
  void supervisor.stopAll(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', () => supervisor.killAll());

async function main(): Promise<void> {
  const services = loadServiceRegistry();
  log('checking Postgres, Redis and Kafka');
  await ensurePostgres();
  await ensureRedis();
  await ensureDatabase();
  // Built while the broker starts; awaited before the gateway, which serves it, starts.
  const consoleBuilt = buildConsole();
  consoleBuilt.catch(() => undefined);
  kafka = ensureKafka();
  const { startedByUs } = await kafka;
  if (supervisor.isStopping) return;
  log(startedByUs ? 'started a Kafka broker (stopped again on exit)' : 'using the Kafka broker already running');
  await createPlatformTopics(services, adminConnection(kafkaSettings()), log);
  if (supervisor.isStopping) return;

  await migrateServices(services, log);
  if (supervisor.isStopping) return;

  await consoleBuilt;
  log('built the web console (apps/console/dist)');
  const environments = await serviceEnvironments(services, process.env);
  if (supervisor.isStopping) return;
  log(`starting ${services.map((s) => `${s.name} :${s.port}`).join(', ')}`);
  supervisor.startAll(services, environments);
  await waitUntilReady(services, localUrl, readyTimeoutMs, supervisor.childDied.signal);
  if (supervisor.isStopping) return;
  console.log(platformSummary(services, localUrl, consoleTokens(process.env)));
}

main().catch((error: unknown) => {
  log((error as Error).message);
  void supervisor.stopAll(1);
});
