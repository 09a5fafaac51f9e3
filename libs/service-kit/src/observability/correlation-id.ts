import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** The id a client gave (the gateway moves it here): logged and echoed, never the correlation id. */
export const CLIENT_CORRELATION_ID_HEADER = 'x-client-correlation-id';
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;
const storage = new AsyncLocalStorage<{ correlationId: string }>();

type CorrelatedRequest = IncomingMessage & { correlationId?: string };

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it looks
 * sane, else a new UUID v7; echoed in the response header. Idempotent, so the
 * logger, the middleware and the exception filter all see the same id.
 */
export function correlationIdFor(request: IncomingMessage, response?: ServerResponse): string {
  const correlated = request as CorrelatedRequest;
  if (!correlated.correlationId) {
    correlated.correlationId = safeCorrelationText(request.headers[CORRELATION_ID_HEADER]) ?? uuidv7();
  }
  if (response && !response.headersSent && !response.hasHeader(CORRELATION_ID_HEADER)) {
    response.setHeader(CORRELATION_ID_HEADER, correlated.correlationId);
  }
  return correlated.correlationId;
}

/**
 * A header value fit to be logged and echoed: bounded, and only characters
 * that cannot forge a log line or smuggle markup; anything else is ignored.
 */
export function safeCorrelationText(value: unknown): string | undefined {
  return typeof value === 'string' && ACCEPTED.test(value) ? value : undefined;
}

/** The client's own id for the request, as the gateway forwarded it (undefined when none). */
export const clientCorrelationIdOf = (request: IncomingMessage): string | undefined =>
  safeCorrelationText(request.headers[CLIENT_CORRELATION_ID_HEADER]);

/** The correlation id of the request (or message) being handled, for events and audit entries. */
export const currentCorrelationId = (): string | undefined => storage.getStore()?.correlationId;

/** Runs `fn` with `correlationId` as the current one (a Kafka consumer handling a message, a job). */
export const runWithCorrelationId = <T>(correlationId: string, fn: () => T): T => storage.run({ correlationId }, fn);
