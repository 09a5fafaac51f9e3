import { rmSync } from 'node:fs';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { type BrokerCredentials, ensureBrokerCredentials, readBrokerCredentials } from './broker-credentials';
import { ensureKafkaJars } from './kafka-assembly';
import { addNewScramUsers, formatStorageOnce, writeKafkaConfig } from './kafka-config';
import { brokerAnswers, portIsOpen } from './kafka-probe';
import { runningBrokerPid, spawnBroker, tailOfLogs, terminateBroker } from './kafka-process';
import { kafkaSettings, type KafkaSettings } from './kafka-settings';
import { withFileLock } from './file-lock';

const READY_TIMEOUT_MS = 90_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// scripts/ may print: these lines tell a developer what the broker is doing.
const log = (line: string) => console.log(`[kafka] ${line}`);

// Each takes the broker instance's settings: by default KAFKA_BROKERS', a LocalPlatform passes its own port's.
export async function isKafkaUp(s: KafkaSettings = kafkaSettings()): Promise<boolean> {
  return brokerAnswers(s);
}

async function waitUntilAnswering(s: KafkaSettings, pid: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await brokerAnswers(s)) return;
    if (runningBrokerPid(s) !== pid) {
      throw new Error(`Kafka exited during start-up.\n${tailOfLogs(s)}`);
    }
    await sleep(500);
  }
  throw new Error(`Kafka did not answer on ${s.host}:${s.port} within ${READY_TIMEOUT_MS / 1000} s.\n${tailOfLogs(s)}`);
}

/** Every service of services.json has a principal on the broker, the ones added since it was formatted too. */
const serviceNames = (): string[] => loadServiceRegistry().map((service) => service.name);

/**
 * The instance's credentials, one per service of services.json. Credentials
 * lost while the storage was kept (the file removed by hand) no longer match
 * the broker's: the storage is formatted again.
 */
function credentialsFor(s: KafkaSettings): BrokerCredentials {
  if (readBrokerCredentials(s) === undefined) rmSync(s.formattedMarker, { force: true });
  return ensureBrokerCredentials(s, serviceNames());
}

/**
 * An instance of ours still running as formatted before the broker
 * authenticated clients: stopped, so that it is re-formatted and started with
 * authentication.
 */
async function stopUnauthenticatedBroker(s: KafkaSettings): Promise<void> {
  const pid = runningBrokerPid(s);
  if (pid === null || readBrokerCredentials(s) !== undefined) return;
  log(`stopping pid ${pid}: it runs without authentication (formatted before SASL/SCRAM); it is re-formatted once`);
  await terminateBroker(s, pid);
}

/**
 * Starts the single-node KRaft broker from the cached jars (resolving them with
 * Maven the first time), authenticating clients with SASL/SCRAM-SHA-512 and
 * authorizing them by ACLs. Reuses formatted storage, so topics and messages
 * survive a stopKafka()/startKafka() cycle. Either way, a service added to
 * services.json since the format gets its SCRAM credential.
 */
export async function startKafka(s: KafkaSettings = kafkaSettings()): Promise<void> {
  await withFileLock(s.lockDir, async () => {
    await stopUnauthenticatedBroker(s);
    const starting = runningBrokerPid(s);
    if (starting !== null) {
      await waitUntilAnswering(s, starting);
      addNewScramUsers(s, credentialsFor(s), log);
      return log(`already running (pid ${starting}) on ${s.host}:${s.port}`);
    }
    if (await brokerAnswers(s)) {
      addNewScramUsers(s, credentialsFor(s), log);
      return log(`already answering on ${s.host}:${s.port}`);
    }
    if (await portIsOpen(s)) {
      throw new Error(
        `${s.host}:${s.port} is taken by something that does not accept this instance's admin credential ` +
          `(a broker not started by this project, or without authentication): stop it or choose another KAFKA_BROKERS`,
      );
    }
    ensureKafkaJars(s, log);
    const credentials = credentialsFor(s);
    writeKafkaConfig(s, credentials);
    formatStorageOnce(s, credentials, log);
    const startedAt = Date.now();
    const pid = spawnBroker(s);
    log(`starting Apache Kafka ${s.version} (pid ${pid}), log in ${s.logsDir}`);
    await waitUntilAnswering(s, pid);
    addNewScramUsers(s, credentialsFor(s), log);
    log(`listening on SASL_PLAINTEXT://${s.host}:${s.port} (SCRAM-SHA-512, ACLs; controller ${s.controllerPort}) after ${Date.now() - startedAt} ms`);
  });
}

/** Stops the broker this project started (found by its pid file); others are left alone. */
export async function stopKafka(s: KafkaSettings = kafkaSettings()): Promise<void> {
  await withFileLock(s.lockDir, async () => {
    const pid = runningBrokerPid(s);
    if (pid === null) {
      rmSync(s.pidFile, { force: true });
      return;
    }
    log(`stopping pid ${pid}`);
    await terminateBroker(s, pid);
    log('stopped');
  });
}

/**
 * Starts Kafka only when our broker does not answer on KAFKA_BROKERS; says
 * whether it did. A broker that answers still gets the SCRAM credential of a
 * service new in services.json.
 */
export async function ensureKafka(s: KafkaSettings = kafkaSettings()): Promise<{ startedByUs: boolean }> {
  if (await isKafkaUp(s)) {
    await withFileLock(s.lockDir, async () => void addNewScramUsers(s, credentialsFor(s), log));
    return { startedByUs: false };
  }
  await startKafka(s);
  return { startedByUs: true };
}
