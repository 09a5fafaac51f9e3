import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TOPICS } from '@app/contracts';
import { NO_TOPICS } from '../../apps/gateway/src/registry';
import { freePort } from '@app/testing';
import { readBrokerCredentials } from '../infra/broker-credentials';
import { kafkaSettings } from '../infra/kafka-settings';

const ROOT = resolve(__dirname, '../..');

/** services.json with the real gateway and one stub service, on free ports. */
async function servicesFile(): Promise<{ file: string; gatewayPort: number; stubPort: number }> {
  const [gatewayPort, stubPort] = [await freePort(), await freePort()];
  const file = join(mkdtempSync(join(tmpdir(), 'platform-start-')), 'services.json');
  const services = [
    { name: 'gateway', port: gatewayPort, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
    {
      name: 'stub',
      port: stubPort,
      entry: 'scripts/platform/fixtures/stub-service.ts',
      prefixes: ['/v1/stubs'],
      topics: { publishes: [TOPICS.auditEntries], consumes: [TOPICS.deviceCertification] },
    },
  ];
  writeFileSync(file, JSON.stringify({ services }));
  return { file, gatewayPort, stubPort };
}

function startPlatform(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/platform/start.ts'], {
    cwd: ROOT,
    // The stub writes audit entries: its development signing key goes to a throw-away config dir, not the user's.
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'platform-config-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exit };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health/live`).then(
    () => true,
    () => false,
  );

describe('npm start (scripts/platform/start.ts, real processes)', () => {
  it('creates the declared topics, starts every service, waits until all are ready, prints where they listen, and stops them on SIGTERM', async () => {
    const { file, gatewayPort, stubPort } = await servicesFile();
    const platform = startPlatform({ SERVICES_FILE: file });
    await waitFor(() => platform.output().includes('The platform is up'), 45_000, platform.output);
    expect(platform.output()).toContain(`stub     ${stubPort}`);
    expect(platform.output()).toContain(`API docs:  http://127.0.0.1:${gatewayPort}/docs`);
    expect(platform.output()).toContain('npm run token -- --role physician');
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/health/ready`)).status).toBe(200);
    // The declared topics (and the dead letters of the consumed one) exist, led, before any service starts.
    const topicsReady = platform.output().indexOf(
      '[platform] Kafka topics ready, every partition led',
    );
    expect(topicsReady).toBeGreaterThan(-1);
    expect(platform.output().slice(topicsReady).split('\n')[0]).toMatch(
      /: audit\.entries\.v1, device-certification\.events\.v1, device-certification\.events\.v1\.stub\.dlq$/,
    );
    expect(topicsReady).toBeLessThan(platform.output().indexOf('[platform] starting gateway'));
    // Each service's principal gets its ACLs before any service starts, and each process only its own credentials.
    const aclsReady = platform.output().indexOf('[platform] Kafka ACLs of User:gateway, User:stub match services.json');
    expect(aclsReady).toBeGreaterThan(-1);
    expect(aclsReady).toBeLessThan(platform.output().indexOf('[platform] starting gateway'));
    const given = (await (await fetch(`http://127.0.0.1:${stubPort}/kafka-env`)).json()) as Record<string, string>;
    const broker = readBrokerCredentials(kafkaSettings())!;
    expect(given).toEqual({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'stub', KAFKA_PASSWORD: broker.services.stub });
    expect(given.KAFKA_PASSWORD).not.toBe(broker.admin);

    platform.child.kill('SIGTERM');
    expect(await platform.exit).toBe(0);
    expect(platform.output()).toContain('[platform] stopping gateway, stub');
    expect(await answers(gatewayPort)).toBe(false);
    expect(await answers(stubPort)).toBe(false);
  });

  it('stops everything with a non-zero code when a service dies, naming it', async () => {
    const { file, gatewayPort } = await servicesFile();
    const platform = startPlatform({ SERVICES_FILE: file, STUB_EXIT_AFTER_MS: '4000' });
    expect(await platform.exit).toBe(1);
    expect(platform.output()).toContain('[platform] stub exited unexpectedly (code 3): stopping everything');
    expect(await answers(gatewayPort)).toBe(false);
  });

  it('gives up after the readiness timeout, naming the service that is not ready and its answer', async () => {
    const { file, gatewayPort } = await servicesFile();
    const platform = startPlatform({ SERVICES_FILE: file, STUB_READY_STATUS: '503', PLATFORM_READY_TIMEOUT_MS: '5000' });
    expect(await platform.exit).toBe(1);
    expect(platform.output()).toContain('Timed out after 5 s waiting for readiness of:');
    expect(platform.output()).toMatch(/\n {2}stub \(http:\/\/127\.0\.0\.1:\d+\): HTTP 503: \{"stub":true\}\n/);
    // The gateway is not ready either, since it waits on the stub; its public answer is the status alone
    // (which service, and why, is /health/ready/details, for an admin), and the stub's line above says why.
    expect(platform.output()).toMatch(/\n {2}gateway \(http:\/\/127\.0\.0\.1:\d+\): HTTP 503: \{"status":"not_ready"\}\n/);
    expect(await answers(gatewayPort)).toBe(false);
  });
});
