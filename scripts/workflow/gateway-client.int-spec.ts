import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayClient } from './gateway-client';

/** A server on a real socket whose answer to each request the test decides; it records what came. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<{ url: string; seen: IncomingMessage[]; server: Server }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => answer(req, res, seen.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('the workflow client on a connection that drops', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends a write again, with the same Idempotency-Key, when the socket closed before any answer', async () => {
    const { url, seen, server } = await serve((_req, res, n) => {
      if (n === 1) res.socket?.destroy();
      else res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"x"}');
    });
    servers.push(server);
    const answer = await new GatewayClient(url).post('/v1/things', { a: 1 }, { expect: 201 });
    expect(answer.body).toEqual({ id: 'x' });
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((req) => req.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it("keeps the caller's own key, and sends a read again too", async () => {
    const { url, seen, server } = await serve((_req, res, n) => (n % 2 === 1 ? res.socket?.destroy() : res.writeHead(200).end('{}')));
    servers.push(server);
    const client = new GatewayClient(url);
    await client.post('/v1/things', {}, { headers: { 'Idempotency-Key': 'mine-1' } });
    await client.get('/v1/things');
    expect(seen.map((req) => [req.method, req.headers['idempotency-key']])).toEqual([
      ['POST', 'mine-1'],
      ['POST', 'mine-1'],
      ['GET', undefined],
      ['GET', undefined],
    ]);
  });

  it('gives up after the second drop, naming the call', async () => {
    const { url, seen, server } = await serve((_req, res) => res.socket?.destroy());
    servers.push(server);
    await expect(new GatewayClient(url).post('/v1/things', {})).rejects.toThrow(`POST /v1/things got no answer from ${url}`);
    expect(seen).toHaveLength(2);
  });

  it('does not send again to a port nothing listens on', async () => {
    const { url, server } = await serve(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    await expect(new GatewayClient(url).get('/v1/things')).rejects.toThrow(/GET \/v1\/things got no answer from .*ECONNREFUSED/);
  });
});
