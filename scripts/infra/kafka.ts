import { rmSync } from 'node:fs';
import { ensureKafkaJars } from './kafka-assembly';
import { formatStorageOnce, writeKafkaConfig } from './kafka-config';
import { brokerAnswers } from './kafka-probe';
import { runningBrokerPid, spawnBroker, tailOfLogs, terminateBroker } from './kafka-process';
import { kafkaSettings, type KafkaSettings } from './kafka-settings';
import { withFileLock } from './file-lock';

const READY_TIMEOUT_MS = 90_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// scripts/ may print: these lines tell a developer what the broker is doing.
const log = (line: string) => console.log(`[kafka] ${line}`);

export async function isKafkaUp(): Promise<boolean> {
  return brokerAnswers(kafkaSettings());
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

/**
 * Starts the single-node KRaft broker from the cached jars (resolving them with
 * Maven the first time). Reuses formatted storage, so topics and messages
 * survive a stopKafka()/startKafka() cycle.
 */
export async function startKafka(): Promise<void> {
  const s = kafkaSettings();
  await withFileLock(s.lockDir, async () => {
    const starting = runningBrokerPid(s);
    if (starting !== null) {
      await waitUntilAnswering(s, starting);
      return log(`already running (pid ${starting}) on ${s.host}:${s.port}`);
    }
    if (await brokerAnswers(s)) return log(`already answering on ${s.host}:${s.port}`);
    ensureKafkaJars(s, log);
    writeKafkaConfig(s);
    formatStorageOnce(s, log);
    const startedAt = Date.now();
    const pid = spawnBroker(s);
    log(`starting Apache Kafka ${s.version} (pid ${pid}), log in ${s.logsDir}`);
    await waitUntilAnswering(s, pid);
    log(`listening on PLAINTEXT://${s.host}:${s.port} (controller ${s.controllerPort}) after ${Date.now() - startedAt} ms`);
  });
}

/** Stops the broker this project started (found by its pid file); others are left alone. */
export async function stopKafka(): Promise<void> {
  const s = kafkaSettings();
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

/** Starts Kafka only when nothing answers on KAFKA_BROKERS; says whether it did. */
export async function ensureKafka(): Promise<{ startedByUs: boolean }> {
  if (await isKafkaUp()) return { startedByUs: false };
  await startKafka();
  return { startedByUs: true };
}
