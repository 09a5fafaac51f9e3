import { Agent } from 'node:http';

/**
 * How long an idle upstream connection is kept. It must stay below the
 * services' keepAliveTimeout (SERVICE_KEEP_ALIVE_TIMEOUT_MS, service-kit
 * http/keep-alive.ts): the gateway closes first, so it never sends a
 * request on a socket the service is closing at that instant (ECONNRESET).
 * Node's agent also honours a shorter `Keep-Alive: timeout=` hint of the service.
 */
export const UPSTREAM_IDLE_TIMEOUT_MS = 30_000;

/** Concurrent connections to one service; requests beyond wait in the agent's queue. */
export const UPSTREAM_MAX_SOCKETS = 128;

/** Idle connections kept per service, enough for a burst to find warm ones. */
export const UPSTREAM_MAX_FREE_SOCKETS = 32;

/**
 * Keep-alive connections to the services. Without an agent http-proxy sends
 * `Connection: close` and opens a TCP connection per request: a handshake,
 * a socket and an HTTP parser per request on both sides, 5-8 % of the
 * gateway's CPU under bench:workflow.
 */
export function createUpstreamAgent(): Agent {
  return new Agent({
    keepAlive: true,
    maxSockets: UPSTREAM_MAX_SOCKETS,
    maxFreeSockets: UPSTREAM_MAX_FREE_SOCKETS,
    timeout: UPSTREAM_IDLE_TIMEOUT_MS,
    // The most recently used socket first: the idle ones beyond need age out.
    scheduling: 'lifo',
  });
}
