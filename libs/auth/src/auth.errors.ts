import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ERROR_CODES, type ErrorBody, type Role } from '@app/contracts';

// Messages say what is wrong so a client developer can fix the call; they
// never include the token itself.
export const tokenMissing = (): DomainError =>
  new DomainError(ERROR_CODES.authMissing, 'no bearer token: send the header "Authorization: Bearer <JWT>"', 'unauthenticated');

export const tokenInvalid = (why: string): DomainError =>
  new DomainError(ERROR_CODES.authInvalid, `invalid token: ${why}`, 'unauthenticated');

export const tokenExpired = (expiredAt: Date): DomainError =>
  new DomainError(ERROR_CODES.authExpired, `token expired at ${expiredAt.toISOString()}`, 'unauthenticated');

export const tokenLivesTooLong = (lifetimeSeconds: number, maxSeconds: number): DomainError =>
  new DomainError(
    ERROR_CODES.authLifetimeTooLong,
    `token lives ${lifetimeSeconds} s from 'iat' to 'exp'; at most ${maxSeconds} s are accepted`,
    'unauthenticated',
  );

export const roleForbidden = (role: Role, allowed: readonly Role[]): DomainError =>
  new DomainError(ERROR_CODES.forbidden, `role ${role} may not do this; allowed: ${allowed.join(', ')}`, 'forbidden');

/**
 * The key server (JWKS) could not be reached: not the caller's fault, so 503
 * (DomainError has no 5xx kind). The body is already the API.md shape, which
 * the exception filter passes through.
 */
export const keysUnavailable = (): HttpException => {
  const body: ErrorBody = {
    error: {
      code: ERROR_CODES.dependencyUnavailable,
      message: 'the token signing keys (JWKS) could not be fetched; retry later',
      details: [],
    },
  };
  return new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
};
