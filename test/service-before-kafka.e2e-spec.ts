import { freePort, testKafkaBrokers } from '@app/testing';
import { createServer } from 'node:net';
import request from 'supertest';
import { DeviceCertificationFeed } from '../apps/prescription/src/testing/device-events.fixture';
import { startPrescription, type PrescriptionTestApp } from '../apps/prescription/src/testing/prescription.test-app';
import { openTcpProxy, type TcpProxy } from './support/tcp-proxy';

jest.setTimeout(180_000);

/** The real broker; the service under test is pointed elsewhere and reaches it only through a proxy. */
const REAL_BROKER = testKafkaBrokers()[0];

/** Starts the service with KAFKA_BROKERS set to `brokers`; the test's own clients keep the real broker. */
async function startPrescriptionWithBrokers(brokers: string): Promise<PrescriptionTestApp> {
  const saved = process.env.KAFKA_BROKERS;
  process.env.KAFKA_BROKERS = brokers;
  try {
    return await startPrescription();
  } finally {
    process.env.KAFKA_BROKERS = saved;
  }
}

async function pollReadiness(t: PrescriptionTestApp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(t.app.getHttpServer()).get('/health/ready');
    if (response.status === 200 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Collects unhandled rejections while a test runs: a retry loop must never leak one. */
function watchUnhandledRejections(): { reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const listener = (reason: unknown) => reasons.push(reason);
  process.on('unhandledRejection', listener);
  return { reasons, stop: () => process.off('unhandledRejection', listener) };
}

describe('prescription started while nothing answers at its Kafka address (real Postgres, Redis, Kafka through a TCP proxy)', () => {
  let port: number;
  let t: PrescriptionTestApp;
  let proxy: TcpProxy | undefined;
  const unhandled = watchUnhandledRejections();

  beforeAll(async () => {
    port = await freePort();
    t = await startPrescriptionWithBrokers(`127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    unhandled.stop();
  });

  it('starts anyway and answers /health/ready with 503 naming kafka', async () => {
    const response = await request(t.app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body.checks).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      kafka: { status: 'down' },
    });
    expect(response.body.error.message).toBe('Not ready: kafka unavailable');
  });

  it('becomes ready once a broker answers there, and its consumer then handles a published event', async () => {
    // Only the bootstrap connection goes through the proxy: the broker advertises its own address.
    proxy = await openTcpProxy(port, REAL_BROKER);

    const response = await pollReadiness(t, 120_000);
    expect(response.body).toEqual({
      status: 'ready',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(response.status).toBe(200);
    expect(proxy.accepted).toBeGreaterThan(0);

    // Publishes on the real broker and waits until the service's projection holds the fact.
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM certified_device_history WHERE device_id = $1', [
      device.deviceId,
    ]);
    expect(n).toBe(1);
    expect(unhandled.reasons).toEqual([]);
  });
});

describe('prescription closed while its consumer still retries (real Postgres, Redis)', () => {
  it('closes without an unhandled rejection, and nothing tries to reach the broker afterwards', async () => {
    const unhandled = watchUnhandledRejections();
    const port = await freePort();
    const t = await startPrescriptionWithBrokers(`127.0.0.1:${port}`);
    try {
      expect((await request(t.app.getHttpServer()).get('/health/ready')).status).toBe(503);
      // Long enough for the consumer to have failed and be waiting for its next attempt.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } finally {
      await t.close();
    }

    // A retry loop left behind would knock on the port again within its first backoff steps.
    let knocks = 0;
    const listener = createServer((socket) => {
      knocks += 1;
      socket.destroy();
    }).listen(port, '127.0.0.1');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await new Promise((resolve) => listener.close(resolve));
    unhandled.stop();

    expect(knocks).toBe(0);
    expect(unhandled.reasons).toEqual([]);
  });
});
