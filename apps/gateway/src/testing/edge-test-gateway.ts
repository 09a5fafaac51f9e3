import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { createGatewayApp } from '../gateway.app';
import { loadGatewayConfig } from '../gateway.config';
import { NO_TOPICS, type ServiceEntry } from '../registry';

/** A service on a real socket answering every /v1/devices request 200, counting what reached it. */
export class CountingUpstream {
  hits = 0;
  private readonly server: Server = createServer((req, res) => {
    if (req.url !== '/health/ready') this.hits += 1;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });

  async listen(): Promise<ServiceEntry[]> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      { name: 'devices', port, entry: 'x.ts', prefixes: ['/v1/devices'], topics: NO_TOPICS },
    ];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Its own Redis key prefix: a test's counts are its own, whatever else runs on the machine's Redis. */
export const uniqueRateLimitPrefix = (): string => `gateway-test:${randomUUID()}:`;

/** The real gateway over `services`, with the environment given on top of the test's (an own prefix unless given). */
export async function startEdgeGateway(services: ServiceEntry[], env: Record<string, string>, logs?: DestinationStream): Promise<INestApplication> {
  const config = loadGatewayConfig(
    { ...process.env, NODE_ENV: 'test', RATE_LIMIT_KEY_PREFIX: uniqueRateLimitPrefix(), ...env },
    { defaultPort: 3000 },
  );
  const gateway = await createGatewayApp(config, services, {}, logs);
  await gateway.init();
  // Nest buffers its loggers' lines until listen(); a test that only inits reads them now.
  gateway.flushLogs();
  return gateway;
}
