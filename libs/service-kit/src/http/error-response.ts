import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorKind, ERROR_CODES, type ErrorBody, type ErrorDetail } from '@app/contracts';
import { isDependencyUnavailable } from './dependency-errors';
import { codeForStatus, HTTP_ERROR_CODES } from './http-error-codes';
import { UNSAFE_INPUT_CODES } from './unsafe-input';

export const DOMAIN_KIND_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rule: 422,
};

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True for answers that point at our side (5xx): logged as errors with their stack. */
  serverFault: boolean;
}

/**
 * Any thrown value -> the API.md error body and its status. Pure, so the one
 * exception filter and the idempotency interceptor (which stores 4xx answers)
 * agree on what the client saw. Unknown errors leak nothing but the
 * correlation id the logs carry.
 */
export function toErrorResponse(exception: unknown, correlationId?: string): ErrorResponse {
  if (isDomainError(exception)) return fromDomainError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception, correlationId);
  if (isExposedHttpError(exception)) {
    return clientError(exception.status, codeForStatus(exception.status), exception.message);
  }
  if (isDependencyUnavailable(exception)) {
    return serverError(503, ERROR_CODES.dependencyUnavailable, 'A dependency (database or broker) is unavailable; retry later', correlationId);
  }
  return serverError(500, ERROR_CODES.internal, 'Internal error', correlationId);
}

function fromDomainError(error: DomainError): ErrorResponse {
  const status = DOMAIN_KIND_STATUS[error.kind] ?? 500;
  const body: ErrorBody = { error: { ...error.extra, code: error.code, message: error.message, details: error.details } };
  return { status, body, serverFault: status >= 500 };
}

function fromHttpException(exception: HttpException, correlationId?: string): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (isErrorBody(response)) return { status, body: response, serverFault: status >= 500 };
  if (status >= 500) {
    const message = status === 503 ? 'A dependency is unavailable; retry later' : 'Internal error';
    return serverError(status, codeForStatus(status), message, correlationId);
  }
  const message = messageOf(response) ?? exception.message;
  const undecodable = status === 400 ? UNDECODABLE_PATH.exec(message) : null;
  if (undecodable) return undecodablePath(undecodable[1]);
  if (status === 400 && /JSON/.test(message)) {
    // Nest turns body-parser's SyntaxError into a plain BadRequestException.
    return clientError(400, HTTP_ERROR_CODES.malformedJson, `Malformed JSON body: ${message}`);
  }
  return clientError(status, codeForStatus(status), message);
}

/** What Express's router says of a path segment that is not percent-encoded UTF-8 (Nest makes it a BadRequestException). */
const UNDECODABLE_PATH = /^Failed to decode param '(.*)'$/s;

/**
 * An unpaired surrogate can reach a URL only as such a segment (`%ED%A0%80`).
 * The router refuses it before any route matches, so no parameter name is
 * known yet: the field is `path`.
 */
function undecodablePath(segment: string): ErrorResponse {
  const shown = segment.length > 100 ? `${segment.slice(0, 100)}...` : segment;
  const detail = { field: 'path', code: UNSAFE_INPUT_CODES.malformedEncoding, message: `the path segment '${shown}' is not percent-encoded UTF-8` };
  return clientError(400, ERROR_CODES.validationFailed, 'Invalid request: path', [detail]);
}

function clientError(status: number, code: string, message: string, details: ErrorDetail[] = []): ErrorResponse {
  return { status, body: { error: { code, message, details } }, serverFault: false };
}

function serverError(status: number, code: string, message: string, correlationId?: string): ErrorResponse {
  const extra = correlationId ? { correlationId } : {};
  return { status, body: { error: { code, message, details: [], ...extra } }, serverFault: true };
}

function isDomainError(value: unknown): value is DomainError {
  if (value instanceof DomainError) return true;
  // A second copy of @app/contracts (another bundle) still throws a DomainError by this shape.
  const candidate = value as Partial<DomainError> | null;
  return (
    value instanceof Error &&
    candidate !== null &&
    candidate.name === 'DomainError' &&
    typeof candidate.code === 'string' &&
    typeof candidate.kind === 'string' &&
    candidate.kind in DOMAIN_KIND_STATUS
  );
}

export function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && Array.isArray(error.details);
}

/** http-errors convention (body-parser: 413 too large, 415 bad charset): safe to show when `expose`. */
function isExposedHttpError(value: unknown): value is Error & { status: number } {
  const candidate = value as { status?: unknown; expose?: unknown } | null;
  return (
    value instanceof Error &&
    candidate?.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}
