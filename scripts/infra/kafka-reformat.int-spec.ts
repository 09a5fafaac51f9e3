import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { readBrokerCredentials, writeBrokerCredentials } from './broker-credentials';
import { ensureKafka, startKafka, stopKafka } from './kafka';
import { kafkaClasspath, log4jOption } from './kafka-config';
import { kafkaSettings, type KafkaSettings } from './kafka-settings';

jest.setTimeout(240_000);

/**
 * A broker instance of its own, so formatting it disturbs no other test: next
 * to the one of KAFKA_BROKERS (9094 for 9092), kept below Linux's ephemeral
 * range (32768-60999). There the broker's own connection to its controller
 * port may be given the even port it is about to listen on (seen: 39094 ->
 * 39095), and the listener then fails to bind.
 */
const ownBrokers = (() => {
  const [host, portText] = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].split(':');
  const port = Number(portText);
  return `${host}:${port + 3 < 32_768 ? port + 2 : 32_000 + (port % 700)}`;
})();

/** What the broker of this project wrote before it authenticated clients: a plaintext storage, marked `formatted`. */
function formatAsBeforeAuthentication(s: KafkaSettings): void {
  mkdirSync(s.logsDir, { recursive: true });
  writeFileSync(
    s.serverProperties,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `listeners=PLAINTEXT://${s.host}:${s.port},CONTROLLER://${s.host}:${s.controllerPort}`,
      `advertised.listeners=PLAINTEXT://${s.host}:${s.port}`,
      'controller.listener.names=CONTROLLER',
      `controller.quorum.voters=1@${s.host}:${s.controllerPort}`,
      `log.dirs=${s.dataDir}`,
      '',
    ].join('\n'),
  );
  writeFileSync(s.log4jProperties, 'log4j.rootLogger=OFF\n');
  execFileSync('java', [log4jOption(s), '-cp', kafkaClasspath(s), 'kafka.tools.StorageTool', 'format', '-t', 'MkU3OEVBNTcwNTJENDM2Qk', '-c', s.serverProperties], { stdio: 'ignore' });
  writeFileSync(s.plaintextFormattedMarker, 'MkU3OEVBNTcwNTJENDM2Qk\n');
}

describe('the local broker instance (scripts/infra/kafka.ts, real JVM)', () => {
  const saved = process.env.KAFKA_BROKERS;
  let s: KafkaSettings;
  let lines: string[] = [];
  let spy: jest.SpyInstance;

  beforeAll(() => {
    process.env.KAFKA_BROKERS = ownBrokers;
    s = kafkaSettings();
    rmSync(s.instanceDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    lines = [];
    spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => spy.mockRestore());
  afterAll(async () => {
    await stopKafka();
    rmSync(s.instanceDir, { recursive: true, force: true });
    process.env.KAFKA_BROKERS = saved;
  });

  const connectAs = async (username: string, password: string): Promise<string> => {
    const admin = new Kafka({ clientId: 'reformat-test', brokers: [ownBrokers], sasl: { mechanism: 'scram-sha-512', username, password }, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };

  it('re-formats, once and saying so, an instance formatted before authentication, and keeps its secrets to its owner', async () => {
    formatAsBeforeAuthentication(s);
    await startKafka();
    expect(lines.join('\n')).toMatch(/Re-formatting .* once: it was formatted before the broker authenticated clients/);
    const credentials = readBrokerCredentials(s)!;
    expect(await connectAs('admin', credentials.admin)).toBe('ok');
    expect(await connectAs('prescription', credentials.services.prescription)).toBe('ok');
    for (const file of [s.credentialsFile, s.serverProperties, s.adminProperties]) {
      expect(`${file}: ${(statSync(file).mode & 0o777).toString(8)}`).toBe(`${file}: 600`);
    }
    expect(existsSync(s.plaintextFormattedMarker)).toBe(false);

    await stopKafka();
    lines = [];
    await startKafka();
    expect(lines.join('\n')).not.toMatch(/Formatting|Re-formatting/);
    expect(await connectAs('admin', credentials.admin)).toBe('ok');
  });

  it('adds the SCRAM credential of a service new since the format, to a running broker, without a manual step', async () => {
    const credentials = readBrokerCredentials(s)!;
    writeBrokerCredentials(s, { ...credentials, services: { ...credentials.services, 'late-service': 'late-service-password-0123' } });
    expect(await connectAs('late-service', 'late-service-password-0123')).not.toBe('ok');
    await ensureKafka();
    expect(lines.join('\n')).toContain('Adding the SCRAM credential of late-service');
    expect(await connectAs('late-service', 'late-service-password-0123')).toBe('ok');
    expect(readBrokerCredentials(s)!.onBroker).toContain('late-service');
  });
});
