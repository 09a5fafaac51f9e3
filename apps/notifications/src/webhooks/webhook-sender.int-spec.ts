import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureMatches } from '../domain/webhook-signature';
import { EVENT_ID_HEADER, WebhookSender } from './webhook-sender';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A receiver on a real socket of this machine, answering as each test tells it to. */
async function receiver(handle: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

describe('WebhookSender (real HTTP on this machine)', () => {
  const servers: Server[] = [];
  const secret = 'the-operator-webhook-secret';
  const body = JSON.stringify({ id: '0193a000-0000-7000-8000-000000000001', type: 'INCIDENT_OPENED', subject: 'enrolment:x' });
  const development = new WebhookSender({ development: true, timeoutMs: 500 });

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  async function listen(handle: Handler): Promise<string> {
    const { url, server } = await receiver(handle);
    servers.push(server);
    return url;
  }

  it('POSTs the JSON with a signature the receiver verifies and the event id, delivered on a 2xx', async () => {
    const seen: Array<{ verified: boolean; eventId: unknown; type: unknown; body: string }> = [];
    const url = await listen((request, received, response) => {
      seen.push({
        verified: signatureMatches(secret, received, String(request.headers['x-signature'])),
        eventId: request.headers[EVENT_ID_HEADER.toLowerCase()],
        type: request.headers['content-type'],
        body: received,
      });
      response.writeHead(204).end();
    });
    const attempt = await development.post({ url, eventId: 'notification-1', body, secret });
    expect(attempt).toMatchObject({ outcome: 'DELIVERED', statusCode: 204 });
    expect(seen).toEqual([{ verified: true, eventId: 'notification-1', type: 'application/json', body }]);
  });

  it('fails on an error status and on a redirect, which it does not follow', async () => {
    const failing = await listen((_request, _body, response) => response.writeHead(503).end('down'));
    expect(await development.post({ url: failing, eventId: 'n', body, secret })).toMatchObject({
      outcome: 'FAILED',
      statusCode: 503,
      error: 'the receiver answered 503',
    });
    const redirecting = await listen((_request, _body, response) => response.writeHead(307, { Location: 'http://169.254.169.254/' }).end());
    expect(await development.post({ url: redirecting, eventId: 'n', body, secret })).toMatchObject({ outcome: 'FAILED', statusCode: 307 });
  });

  it('gives up on a receiver that never answers once its time is out', async () => {
    const silent = await listen(() => undefined);
    const attempt = await development.post({ url: silent, eventId: 'n', body, secret });
    expect(attempt).toMatchObject({ outcome: 'FAILED', statusCode: null, error: 'no answer within 500 ms' });
    expect(attempt.durationMs).toBeLessThan(5_000);
  });

  it('outside development, connects to no loopback address, by name or literally', async () => {
    let reached = 0;
    const url = await listen((_request, _body, response) => {
      reached += 1;
      response.writeHead(200).end();
    });
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
    expect(reached).toBe(0);
  });
});
