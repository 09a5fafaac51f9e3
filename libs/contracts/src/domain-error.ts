import type { ErrorDetail } from './api-shapes';

/**
 * What kind of refusal a domain error is. The domain says what went wrong; the
 * HTTP edge (one exception filter) decides the status:
 * invalid 400, unauthenticated 401 (no, malformed, expired or wrongly signed
 * token), forbidden 403, not_found 404, conflict 409, too_large 413 (more
 * than the platform can carry, e.g. an event above the broker's message size),
 * rule 422.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rule';

/**
 * A refusal with a stable code (`DEVICE.NOT_SUBMITTED`). Plain class, no
 * framework: domain code throws it, the exception filter maps it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details: ErrorDetail[] = [],
    /** Extra top-level fields of the error body (e.g. `evaluation`, `attemptId`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
