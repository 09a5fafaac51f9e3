import type { Server } from 'node:http';

/**
 * How long a service keeps an idle HTTP connection open. The gateway keeps
 * its upstream connections alive for less (its agent's idle timeout), so it
 * is always the side that closes an idle one: a service closing a socket
 * just as the gateway sends a request on it would be an ECONNRESET, a 503
 * for a request the service never saw. Node's default is 5 s.
 */
export const SERVICE_KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsAlive(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = SERVICE_KEEP_ALIVE_TIMEOUT_MS;
  // Older Node counted the keep-alive wait against headersTimeout; keep it the larger one.
  server.headersTimeout = Math.max(server.headersTimeout, SERVICE_KEEP_ALIVE_TIMEOUT_MS + 1_000);
}
