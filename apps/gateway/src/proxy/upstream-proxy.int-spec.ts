import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepConnectionsAlive, SERVICE_KEEP_ALIVE_TIMEOUT_MS } from '@app/service-kit';
import { UPSTREAM_IDLE_TIMEOUT_MS, UPSTREAM_MAX_SOCKETS } from './upstream-agent';
import { createUpstreamProxy, type ProxiedRequest } from './upstream-proxy';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the upstream proxy', () => {
  let upstream: Server;
  let gateway: Server;
  let gatewayUrl: string;
  const upstreamConnections: number[] = [];
  const seen: { connection: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ connection: req.headers.connection, body });
        // /v1/slow/ answers late, so a burst holds many requests in flight at once.
        const delay = req.url?.startsWith('/v1/slow/') ? 30 : 0;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(`answered ${req.method} ${req.url}`), delay);
      });
    });
    keepConnectionsAlive(upstream);
    upstream.on('connection', () => upstreamConnections.push(Date.now()));
    const target = await listen(upstream);
    const proxy = createUpstreamProxy(5_000);
    gateway = createServer((req: IncomingMessage, res: ServerResponse) => {
      (req as ProxiedRequest).upstream = { service: 'upstream', target };
      void proxy(req as ProxiedRequest, res, () => res.writeHead(404).end());
    });
    gatewayUrl = await listen(gateway);
  });

  afterAll(async () => {
    gateway.closeAllConnections();
    upstream.closeAllConnections();
    await Promise.all([close(gateway), close(upstream)]);
  });

  it('reuses one upstream connection for requests in sequence, bodies intact, without Connection: close', async () => {
    const before = upstreamConnections.length;
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${gatewayUrl}/v1/things/${i}`, { method: 'POST', body: `body ${i}` });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(`answered POST /v1/things/${i}`);
    }
    expect(upstreamConnections.length - before).toBe(1);
    expect(seen.slice(-5)).toEqual([0, 1, 2, 3, 4].map((i) => ({ connection: 'keep-alive', body: `body ${i}` })));
  });

  it('bounds the connections to a service: a burst beyond the bound waits for a free one, all answered', async () => {
    const before = upstreamConnections.length;
    const burst = UPSTREAM_MAX_SOCKETS + 40;
    const answers = await Promise.all(
      Array.from({ length: burst }, (_, i) => fetch(`${gatewayUrl}/v1/slow/${i}`).then(async (r) => [r.status, await r.text()])),
    );
    expect(answers).toEqual(Array.from({ length: burst }, (_, i) => [200, `answered GET /v1/slow/${i}`]));
    expect(upstreamConnections.length - before).toBeLessThanOrEqual(UPSTREAM_MAX_SOCKETS);
  });

  it('lets the gateway close an idle connection before the service does (no ECONNRESET race)', () => {
    expect(upstream.keepAliveTimeout).toBe(SERVICE_KEEP_ALIVE_TIMEOUT_MS);
    expect(SERVICE_KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(UPSTREAM_IDLE_TIMEOUT_MS + 1_000);
  });
});
