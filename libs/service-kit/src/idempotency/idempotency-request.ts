import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTED_KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  method: string;
  originalUrl: string;
  body?: unknown;
  route?: { path?: unknown };
  principal?: { sub?: string };
}

export const isAcceptableKey = (key: string): boolean => ACCEPTED_KEY.test(key);

/**
 * Keys are per caller, method and route pattern: two users never share a key
 * space, and neither do two endpoints.
 */
export function idempotencyScope(request: IdempotentRequest): string {
  const route = typeof request.route?.path === 'string' ? request.route.path : request.originalUrl.split('?')[0];
  return `${request.principal?.sub ?? 'anonymous'} ${request.method} ${route}`;
}

/**
 * What "the same request" means: the concrete URL (so one key on two
 * resources is a reuse) and the body, in canonical JSON so key order and
 * spacing do not matter.
 */
export function requestHash(request: IdempotentRequest): string {
  const canonical = canonicalize({ url: request.originalUrl, body: request.body ?? null }) ?? 'null';
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
