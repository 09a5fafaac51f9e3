import { signatureMatches } from '../domain/webhook-signature';
import { answering, silent, WebhookReceivers } from '../testing/webhook-receivers.fixture';
import { EVENT_ID_HEADER, WebhookSender } from './webhook-sender';

describe('WebhookSender (real HTTP on this machine)', () => {
  const receivers = new WebhookReceivers();
  const secret = 'the-operator-webhook-secret';
  const body = JSON.stringify({ id: '0193a000-0000-7000-8000-000000000001', type: 'INCIDENT_OPENED', subject: 'enrolment:x' });
  const development = new WebhookSender({ development: true, timeoutMs: 500 });

  afterAll(() => receivers.close());

  it('POSTs the JSON with a signature the receiver verifies and the event id, delivered on a 2xx', async () => {
    const { url, received } = await receivers.start(answering(204));
    const attempt = await development.post({ url, eventId: 'notification-1', body, secret });
    expect(attempt).toMatchObject({ outcome: 'DELIVERED', statusCode: 204 });
    const seen = received.map(({ headers, body: bytes }) => ({
      verified: signatureMatches(secret, bytes, String(headers['x-signature'])),
      eventId: headers[EVENT_ID_HEADER.toLowerCase()],
      type: headers['content-type'],
      body: bytes,
    }));
    expect(seen).toEqual([{ verified: true, eventId: 'notification-1', type: 'application/json', body }]);
  });

  it('fails on an error status and on a redirect, which it does not follow', async () => {
    const failing = (await receivers.start((_n, response) => response.writeHead(503).end('down'))).url;
    expect(await development.post({ url: failing, eventId: 'n', body, secret })).toMatchObject({
      outcome: 'FAILED',
      statusCode: 503,
      error: 'the receiver answered 503',
    });
    const redirecting = (await receivers.start((_n, response) => response.writeHead(307, { Location: 'http://169.254.169.254/' }).end())).url;
    expect(await development.post({ url: redirecting, eventId: 'n', body, secret })).toMatchObject({ outcome: 'FAILED', statusCode: 307 });
  });

  it('gives up on a receiver that never answers once its time is out', async () => {
    const { url } = await receivers.start(silent);
    const attempt = await development.post({ url, eventId: 'n', body, secret });
    expect(attempt).toMatchObject({ outcome: 'FAILED', statusCode: null, error: 'no answer within 500 ms' });
    expect(attempt.durationMs).toBeLessThan(5_000);
  });

  it('outside development, connects to no loopback address, by name or literally', async () => {
    const { url, received } = await receivers.start(answering(200));
    const production = new WebhookSender({ development: false, timeoutMs: 500 });
    const port = new URL(url).port;
    expect(await production.post({ url: `http://localhost:${port}/hook`, eventId: 'n', body, secret })).toMatchObject({
      outcome: 'FAILED',
      error: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), which a webhook may not reach$/),
    });
    expect(await production.post({ url, eventId: 'n', body, secret })).toMatchObject({
      outcome: 'FAILED',
      error: '127.0.0.1 is an address a webhook may not reach',
    });
    expect(received).toHaveLength(0);
  });
});
