import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { TEST_GATEWAY_ENV } from '../../apps/gateway/src/testing/test-gateway-env';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';

/** Serves a started test app on a free loopback port: the gateway reaches it over a real socket. */
export async function listenOnFreePort(app: INestApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

/**
 * The real gateway over the services given (by their services.json name),
 * each listening on a free port: their entries as services.json declares
 * them (prefixes, export parts, disclosures), the services not started left out.
 */
export async function gatewayOver(apps: Record<string, INestApplication>, logs?: DestinationStream): Promise<INestApplication> {
  const ports = new Map<string, number>();
  for (const [name, app] of Object.entries(apps)) ports.set(name, await listenOnFreePort(app));
  const registry = loadServiceRegistry()
    .filter((entry) => entry.name === 'gateway' || ports.has(entry.name))
    .map((entry) => ({ ...entry, port: ports.get(entry.name) ?? entry.port }));
  const missing = [...ports.keys()].filter((name) => !registry.some((entry) => entry.name === name));
  if (missing.length) throw new Error(`gatewayOver: not in services.json: ${missing.join(', ')}`);
  const config = loadGatewayConfig({ ...process.env, ...TEST_GATEWAY_ENV, ...(logs ? { LOG_LEVEL: 'trace' } : {}) }, { defaultPort: 3000 });
  // `logs`: the gateway's too, and, its logger being the framework's one of the process from now on, every app's framework lines.
  const gateway = await createGatewayApp(config, registry, {}, logs);
  await gateway.init();
  return gateway;
}
