import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
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
    const given = request.headers[CORRELATION_ID_HEADER];
    correlated.correlationId = typeof given === 'string' && ACCEPTED.test(given) ? given : uuidv7();
  }
  if (response && !response.headersSent && !response.hasHeader(CORRELATION_ID_HEADER)) {
    response.setHeader(CORRELATION_ID_HEADER, correlated.correlationId);
  }
  return correlated.correlationId;
}

/** The correlation id of the request (or message) being handled, for events and audit entries. */
export const currentCorrelationId = (): string | undefined => storage.getStore()?.correlationId;

/** Runs `fn` with `correlationId` as the current one (a Kafka consumer handling a message, a job). */
export const runWithCorrelationId = <T>(correlationId: string, fn: () => T): T => storage.run({ correlationId }, fn);
