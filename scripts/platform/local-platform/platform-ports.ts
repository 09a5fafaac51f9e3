import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/testing';
import { loadServiceRegistry, type ServiceEntry, serviceUrlVariable } from '../../../apps/gateway/src/registry';

/** services.json with every service on a free port, written where the platform's services read it (SERVICES_FILE). */
export interface PlatformServices {
  services: ServiceEntry[];
  servicesFile: string;
  /** SERVICE_URL_<NAME> of every service, for every process. */
  urls: Record<string, string>;
}

/**
 * `reserved`: ports already promised (the broker's and its controller's).
 * freePort() closes the port it found, so two draws can return the same one:
 * each draw must differ from every port taken before it.
 */
export async function assignPorts(dir: string, reserved: readonly number[] = []): Promise<PlatformServices> {
  const taken = new Set(reserved);
  const services: ServiceEntry[] = [];
  for (const service of loadServiceRegistry()) {
    const port = await distinctFreePort(taken);
    taken.add(port);
    services.push({ ...service, port });
  }
  mkdirSync(dir, { recursive: true });
  const servicesFile = join(dir, 'services.json');
  writeFileSync(servicesFile, JSON.stringify({ services }, null, 2));
  const urls = Object.fromEntries(services.map((s) => [serviceUrlVariable(s.name), `http://127.0.0.1:${s.port}`]));
  return { services, servicesFile, urls };
}

async function distinctFreePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freePort();
    if (!taken.has(port)) return port;
  }
  throw new Error('no free port distinct from those already assigned');
}

/**
 * A broker port whose neighbour (its KRaft controller, port + 1) is free too:
 * freePort() only vouches for one port, so try a few.
 */
export async function freeBrokerPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freePort();
    if (port < 65_535 && (await isFree(port + 1))) return port;
  }
  throw new Error('no free pair of ports for a Kafka broker and its controller');
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
