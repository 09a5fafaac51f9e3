import { existsSync } from 'node:fs';
import { brokerAnswers } from '../../infra/kafka-probe';
import { runningBrokerPid } from '../../infra/kafka-process';
import { kafkaSettings } from '../../infra/kafka-settings';
import { probeReady } from '../wait-ready';
import { databaseExists } from './platform-database';
import { LocalPlatform } from './local-platform';

jest.setTimeout(240_000);

const answers = (url: string) =>
  fetch(`${url}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('LocalPlatform (every service its own process, its own broker and database)', () => {
  let platform: LocalPlatform | undefined;
  afterAll(() => platform?.stop(), 120_000);

  it('starts ready behind the gateway, survives a SIGKILL of a service, and leaves nothing behind when stopped', async () => {
    platform = await LocalPlatform.start({ env: { CLOCK_OFFSET: '-3d' } });
    const started = platform;
    expect((await fetch(`${started.gatewayUrl}/health/ready`)).status).toBe(200);
    // Its own broker, not the shared dev one, and its own database.
    expect(started.kafkaBrokers).not.toBe('127.0.0.1:9092');
    const broker = kafkaSettings({ KAFKA_BROKERS: started.kafkaBrokers });
    expect(await brokerAnswers(broker)).toBe(true);
    const database = new URL(started.databaseUrl).pathname.slice(1);
    expect(await databaseExists(database)).toBe(true);
    expect(started.now().getTime()).toBeLessThan(Date.now() - 3 * 86_400_000 + 60_000);

    // SIGKILL: gone at once; the gateway stops being ready; a restart brings it back.
    const enrolment = started.url('enrolment');
    await started.kill('enrolment');
    expect(await answers(enrolment)).toBe(false);
    expect((await probeReady(started.gatewayUrl)).ready).toBe(false);
    await started.restart('enrolment');
    expect((await probeReady(enrolment)).ready).toBe(true);
    expect((await fetch(`${started.gatewayUrl}/health/ready`)).status).toBe(200);
    expect(started.logs('enrolment')).toMatch(/starting enrolment on :\d+[\s\S]*starting enrolment on :\d+/);

    const urls = started.services.map((s) => started.url(s.name));
    const brokerPid = runningBrokerPid(broker);
    expect(brokerPid).not.toBeNull();
    await started.stop();
    platform = undefined;
    for (const url of urls) expect({ url, answers: await answers(url) }).toEqual({ url, answers: false });
    expect(pidAlive(brokerPid!)).toBe(false);
    expect(existsSync(broker.instanceDir)).toBe(false);
    expect(await databaseExists(database)).toBe(false);
  });
});
