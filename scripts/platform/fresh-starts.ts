/**
 * The check behind "npm start works on a fresh machine": N times in a row,
 * removes the cached data of the broker of KAFKA_BROKERS (never the shared
 * jars), runs `npm start`, waits until it prints that the platform is up,
 * checks every /health/ready and the broker's topics, then stops it with
 * SIGINT (which also stops the broker it started). Not part of `npm test`:
 * it takes minutes and owns the broker of its port.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 node -r @swc-node/register scripts/platform/fresh-starts.ts [--runs 5]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadServiceRegistry, platformTopics, type ServiceEntry } from '../../apps/gateway/src/registry';
import { brokerAnswers } from '../infra/kafka-probe';
import { runningBrokerPid } from '../infra/kafka-process';
import { adminConnection } from '../infra/admin-connection';
import { kafkaSettings } from '../infra/kafka-settings';
import { listBrokerTopics } from './broker-topics';
import { REPO_ROOT } from './repo-root';
import { probeReady } from './wait-ready';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'timeout-s': { type: 'string', default: '300' },
    'allow-default-port': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const timeoutMs = Number(values['timeout-s']) * 1000;
const settings = kafkaSettings();
const services = loadServiceRegistry();
const localUrl = (service: ServiceEntry) => `http://127.0.0.1:${service.port}`;
const log = (line: string) => console.log(`[fresh-starts] ${line}`);
const logDir = mkdtempSync(join(tmpdir(), 'fresh-starts-'));

interface RunResult {
  ok: boolean;
  summary: string;
}

async function refuseUnsafeBroker(): Promise<void> {
  if (!process.env.KAFKA_BROKERS || (settings.port === 9092 && !values['allow-default-port'])) {
    throw new Error(
      'Set KAFKA_BROKERS to a port of its own (e.g. 127.0.0.1:19092): this check deletes that broker\'s data before each run, ' +
        'and 127.0.0.1:9092 is the broker tests and developers share (--allow-default-port to insist).',
    );
  }
  if (runningBrokerPid(settings) !== null || (await brokerAnswers(settings))) {
    throw new Error(`A broker already answers on ${settings.host}:${settings.port}: stop it first (npm run kafka:stop with the same KAFKA_BROKERS).`);
  }
}

/** `npm start` exactly as package.json runs it, in the foreground of this script. */
function startPlatform(logFile: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', './scripts/local-node-env.ts', 'scripts/platform/start.ts'], {
    cwd: REPO_ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(logFile);
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      file.write(chunk);
    });
  }
  child.once('exit', () => file.end());
  return { child, output: () => output };
}

async function waitForUp(platform: { child: ChildProcess; output: () => string }): Promise<'up' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (platform.output().includes('The platform is up')) return 'up';
    if (platform.child.exitCode !== null || platform.child.signalCode !== null) return 'exited';
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return 'timeout';
}

/** What the platform declares (services.json) against what the fresh broker holds: an undeclared topic was auto-created. */
async function topicProblems(): Promise<string[]> {
  const declared = platformTopics(services);
  const present = (await listBrokerTopics(adminConnection(settings))).filter((topic) => !topic.startsWith('__'));
  const missing = declared.filter((topic) => !present.includes(topic));
  const undeclared = present.filter((topic) => !declared.includes(topic));
  return [
    ...(missing.length ? [`missing topics: ${missing.join(', ')}`] : []),
    ...(undeclared.length ? [`topics not declared in services.json: ${undeclared.join(', ')}`] : []),
  ];
}

async function stopPlatform(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return code as number | null;
}

async function oneRun(index: number): Promise<RunResult> {
  // A fresh machine: no data, no formatted storage, no config of this port's broker.
  rmSync(settings.instanceDir, { recursive: true, force: true });
  const logFile = join(logDir, `run-${index}.log`);
  const started = Date.now();
  const platform = startPlatform(logFile);
  const outcome = await waitForUp(platform);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const problems: string[] = [];
  if (outcome !== 'up') problems.push(outcome === 'exited' ? `npm start exited (code ${platform.child.exitCode})` : `not up within ${timeoutMs / 1000} s`);
  else {
    for (const service of services) {
      const probe = await probeReady(localUrl(service));
      if (!probe.ready) problems.push(`${service.name} /health/ready: ${probe.detail}`);
    }
    problems.push(...(await topicProblems()));
  }
  const exitCode = await stopPlatform(platform.child);
  if (exitCode !== 0 && outcome === 'up') problems.push(`npm start exited with code ${exitCode} on SIGINT`);
  if (runningBrokerPid(settings) !== null) problems.push('the broker it started is still running');
  const ok = problems.length === 0;
  const summary = ok
    ? `up and every /health/ready 200 after ${seconds} s; topics as declared; stopped cleanly`
    : `FAILED after ${seconds} s: ${problems.join('; ')} (output: ${logFile})`;
  return { ok, summary };
}

async function main(): Promise<number> {
  await refuseUnsafeBroker();
  log(`${runs} fresh starts on ${settings.host}:${settings.port}, removing ${settings.instanceDir} before each; logs in ${logDir}`);
  const results: RunResult[] = [];
  for (let index = 1; index <= runs; index += 1) {
    const result = await oneRun(index);
    results.push(result);
    log(`run ${index}/${runs}: ${result.summary}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  log(failed === 0 ? `all ${runs} runs ready` : `${failed} of ${runs} runs failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log((error as Error).message);
    process.exit(1);
  },
);
