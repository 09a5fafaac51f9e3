import { HttpException } from '@nestjs/common';
import { DomainError, ERROR_CODES, type ErrorBody } from '@app/contracts';
import { HTTP_ERROR_CODES } from '../http/http-error-codes';

export const idempotencyKeyReused = (key: string): DomainError =>
  new DomainError(
    ERROR_CODES.idempotencyKeyReused,
    `Idempotency-Key "${key}" was already used with another request; use a new key for a new request`,
    'rule',
  );

export const idempotencyInProgress = (key: string): DomainError =>
  new DomainError(
    ERROR_CODES.idempotencyInProgress,
    `A request with Idempotency-Key "${key}" is still in progress; retry later`,
    'conflict',
  );

export const invalidIdempotencyKey = (): DomainError =>
  new DomainError(
    HTTP_ERROR_CODES.invalidIdempotencyKey,
    'Idempotency-Key must be 1 to 255 visible ASCII characters',
    'invalid',
    [{ field: 'Idempotency-Key', code: 'INVALID_FORMAT', message: 'must be 1 to 255 visible ASCII characters' }],
  );

/** The stored error answer of the first attempt, sent again unchanged by the exception filter. */
export class ReplayedErrorException extends HttpException {
  constructor(body: ErrorBody, status: number) {
    super(body, status);
  }
}

/**
 * Thrown inside a command's transaction when another attempt of the same
 * request committed its answer meanwhile: the transaction rolls back and the
 * interceptor replays that answer.
 */
export class AlreadyAnswered extends Error {
  override readonly name = 'AlreadyAnswered';
  constructor() {
    super('Another attempt of this request has been answered');
  }
}

/** Refusals about the key itself: never remembered as the request's answer. */
export const isIdempotencyRefusal = (error: unknown): boolean =>
  error instanceof DomainError &&
  [ERROR_CODES.idempotencyKeyReused, ERROR_CODES.idempotencyInProgress, HTTP_ERROR_CODES.invalidIdempotencyKey].includes(error.code as never);
