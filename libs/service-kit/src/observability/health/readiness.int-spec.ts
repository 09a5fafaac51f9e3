import { ERROR_CODES } from '@app/contracts';
import request from 'supertest';
import { type KitTestApp, startKitTestApp } from '../../testing/kit-test-app.fixture';

async function pollReady(kit: KitTestApp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(kit.app.getHttpServer()).get('/health/ready');
    if (response.status === 200 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

describe('readiness and metrics (real Postgres, Redis, Kafka)', () => {
  describe('with Kafka pointed at a closed port', () => {
    let kit: KitTestApp;

    beforeAll(async () => {
      kit = await startKitTestApp({ readiness: { postgres: true, redis: true, kafka: { brokers: ['127.0.0.1:1'] } } });
    });
    afterAll(() => kit.close());

    it('answers /health/ready with 503 naming kafka, the others up', async () => {
      const response = await request(kit.app.getHttpServer()).get('/health/ready').expect(503);
      expect(response.body.status).toBe('not_ready');
      expect(response.body.checks.postgres).toEqual({ status: 'up' });
      expect(response.body.checks.redis).toEqual({ status: 'up' });
      expect(response.body.checks.kafka.status).toBe('down');
      expect(response.body.error).toMatchObject({
        code: ERROR_CODES.dependencyUnavailable,
        message: 'Not ready: kafka unavailable',
        details: [expect.objectContaining({ dependency: 'kafka' })],
      });
    });

    it('keeps /health/live at 200', async () => {
      await request(kit.app.getHttpServer()).get('/health/live').expect(200);
    });
  });

  describe('with every dependency up', () => {
    let kit: KitTestApp;

    beforeAll(async () => {
      kit = await startKitTestApp({ readiness: { postgres: true, redis: true, kafka: true } });
    });
    afterAll(() => kit.close());

    it('answers /health/ready with 200', async () => {
      // Other suites stop and restart the shared broker to test outages: give it time to come back.
      const response = await pollReady(kit, 30_000);
      expect(response.body).toEqual({
        status: 'ready',
        checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
      });
      expect(response.status).toBe(200);
    });

    it('serves Prometheus metrics with the HTTP duration histogram by route and status', async () => {
      await request(kit.app.getHttpServer()).get('/health/live').expect(200);
      await request(kit.app.getHttpServer()).get('/no/such/route').expect(404);
      const response = await request(kit.app.getHttpServer()).get('/metrics').expect(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(response.text).toMatch(
        /http_request_duration_seconds_count\{service="kit-test",method="GET",route="\/health\/live",status_code="200"\} [1-9]/,
      );
      expect(response.text).toMatch(/http_request_duration_seconds_count\{service="kit-test",method="GET",route="unmatched",status_code="404"\} [1-9]/);
      expect(response.text).toContain('process_cpu_user_seconds_total');
    });
  });
});
