import { ERROR_CODES } from '@app/contracts';

/** Codes for refusals that come from HTTP itself rather than from a domain. */
export const HTTP_ERROR_CODES = {
  badRequest: 'REQUEST.BAD_REQUEST',
  malformedJson: 'REQUEST.MALFORMED_JSON',
  invalidIdempotencyKey: 'REQUEST.INVALID_IDEMPOTENCY_KEY',
} as const;

const BY_STATUS: Record<number, string> = {
  400: HTTP_ERROR_CODES.badRequest,
  401: ERROR_CODES.authInvalid,
  403: ERROR_CODES.forbidden,
  404: ERROR_CODES.notFound,
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  406: 'REQUEST.NOT_ACCEPTABLE',
  409: 'REQUEST.CONFLICT',
  413: ERROR_CODES.tooLarge,
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.UNPROCESSABLE',
  429: 'REQUEST.TOO_MANY_REQUESTS',
  503: ERROR_CODES.dependencyUnavailable,
};

export function codeForStatus(status: number): string {
  return BY_STATUS[status] ?? (status < 500 ? 'REQUEST.INVALID' : ERROR_CODES.internal);
}
