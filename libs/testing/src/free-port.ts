import { once } from 'node:events';
import { createServer } from 'node:net';

/** A loopback port nothing listens on right now (for a test's own server, or a broker address that does not answer yet). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
