import type { ClaimStatusV1 } from '@app/contracts';

/** The roles that may see claims at all (the list is 403 for the others; a single claim they cannot see is 404). */
export const CLAIM_ROLES = ['claims_processor', 'admin', 'physician', 'operator', 'vendor'] as const;

/** The roles that may see remittances: claims processors and admins all, a payee org its own. */
export const REMITTANCE_ROLES = ['claims_processor', 'admin', 'operator', 'vendor'] as const;

export const CLAIM_STATUSES = [
  'CREATED',
  'SUBMITTED',
  'SUBMISSION_FAILED',
  'APPROVED',
  'REJECTED',
  'PAID',
  'CANCELLED',
] as const satisfies readonly ClaimStatusV1[];

/** A billing period: a calendar month, YYYY-MM. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PERIOD_MESSAGE = 'period must be a month YYYY-MM';
