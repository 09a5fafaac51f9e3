import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaClasspath, log4jOption } from './kafka-config';
import { type KafkaSettings } from './kafka-settings';

const JVM_OPTIONS = ['-Xmx512m', '-Xms256m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function readPid(s: KafkaSettings): number | null {
  if (!existsSync(s.pidFile)) return null;
  const pid = Number(readFileSync(s.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Checks the command line too: a recycled pid must never be signalled. */
export function isBrokerProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch {
    return false;
  }
}

export function runningBrokerPid(s: KafkaSettings): number | null {
  const pid = readPid(s);
  return pid !== null && isBrokerProcess(pid) ? pid : null;
}

/** Starts the broker detached, output to a log file, so it outlives this process. */
export function spawnBroker(s: KafkaSettings): number {
  const out = openSync(s.processLog, 'a');
  try {
    const child = spawn(
      'java',
      [...JVM_OPTIONS, log4jOption(s), `-Dkafka.logs.dir=${s.logsDir}`, '-cp', kafkaClasspath(s), 'kafka.Kafka', s.serverProperties],
      { cwd: s.instanceDir, detached: true, stdio: ['ignore', out, out] },
    );
    child.unref();
    if (child.pid === undefined) throw new Error('java could not be started (is a JDK installed?)');
    writeFileSync(s.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isBrokerProcess(pid)) return true;
    await sleep(200);
  }
  return !isBrokerProcess(pid);
}

/** SIGTERM for a clean shutdown (flushes logs), SIGKILL if it hangs. */
export async function terminateBroker(s: KafkaSettings, pid: number, graceMs = 20_000): Promise<void> {
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, graceMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 10_000);
  }
  rmSync(s.pidFile, { force: true });
}

export function tailOfLogs(s: KafkaSettings, lines = 30): string {
  return [s.processLog, join(s.logsDir, 'server.log')]
    .filter((file) => existsSync(file))
    .map((file) => `--- ${file}\n${readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}
