/**
 * Stable error codes of the public API. Clients branch on these, so a code is
 * never renamed; new ones are added. The exception filter maps each to its
 * HTTP status through `ERROR_STATUS`.
 */
export const ERROR_CODES = {
  validationFailed: 'REQUEST.VALIDATION_FAILED',
  notFound: 'REQUEST.NOT_FOUND',
  authMissing: 'AUTH.TOKEN_MISSING',
  authInvalid: 'AUTH.TOKEN_INVALID',
  authExpired: 'AUTH.TOKEN_EXPIRED',
  authLifetimeTooLong: 'AUTH.TOKEN_LIFETIME_TOO_LONG',
  forbidden: 'AUTH.FORBIDDEN',
  versionConflict: 'CONCURRENCY.VERSION_CONFLICT',
  idempotencyKeyReused: 'IDEMPOTENCY.KEY_REUSED',
  idempotencyInProgress: 'IDEMPOTENCY.REQUEST_IN_PROGRESS',
  tooLarge: 'REQUEST.TOO_LARGE',
  dependencyUnavailable: 'DEPENDENCY.UNAVAILABLE',
  /** The caller (its token's `sub`, or its address without a valid token) spent its requests of the minute; `Retry-After` says when to come back. */
  rateLimited: 'RATE.LIMITED',
  internal: 'INTERNAL.ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | `${string}.${string}`;

/** HTTP status of the generic codes; bounded contexts add their own. */
export const ERROR_STATUS: Record<string, number> = {
  [ERROR_CODES.validationFailed]: 400,
  [ERROR_CODES.notFound]: 404,
  [ERROR_CODES.authMissing]: 401,
  [ERROR_CODES.authInvalid]: 401,
  [ERROR_CODES.authExpired]: 401,
  [ERROR_CODES.authLifetimeTooLong]: 401,
  [ERROR_CODES.forbidden]: 403,
  [ERROR_CODES.versionConflict]: 409,
  [ERROR_CODES.idempotencyKeyReused]: 422,
  [ERROR_CODES.idempotencyInProgress]: 409,
  [ERROR_CODES.tooLarge]: 413,
  [ERROR_CODES.dependencyUnavailable]: 503,
  [ERROR_CODES.rateLimited]: 429,
  [ERROR_CODES.internal]: 500,
};

/**
 * Refusals of `/v1/patients` (API.md "Patients"); each one's status follows
 * from its DomainError kind. The gateway's export, when a service does not
 * give its part, is DEPENDENCY.UNAVAILABLE (503) naming that service.
 */
export const PATIENT_ERROR_CODES = {
  /** 404: no data key of this pseudonym ever existed, or (GET) it was never erased. */
  notFound: 'PATIENT.NOT_FOUND',
  /** 409: the patient's keys are already destroyed. */
  alreadyErased: 'PATIENT.ALREADY_ERASED',
} as const;

/** Refusals of `/v1/notifications` and `/v1/webhooks` (API.md "Notifications"). */
export const NOTIFICATION_ERROR_CODES = {
  /** 404: no such notification in the caller's inboxes (another's is not found either). */
  notFound: 'NOTIFICATION.NOT_FOUND',
  /** 404: no such webhook of the caller's org (another org's, or deleted). */
  webhookNotFound: 'WEBHOOK.NOT_FOUND',
} as const;
