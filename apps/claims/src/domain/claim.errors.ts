import { DomainError } from '@app/contracts';
import type { ClaimStatus } from './claim.state';

const invalid = (field: string, code: string, message: string) =>
  new DomainError('REQUEST.VALIDATION_FAILED', `Invalid request: ${field}`, 'invalid', [{ field, code, message }]);

const wrongStatus = (code: string, action: string, status: ClaimStatus | 'NONE', allowed: string) =>
  new DomainError(code, `cannot ${action} a claim in status ${status}; it must be ${allowed}`, 'conflict', [], { status });

/**
 * Refusals of the claims service, each with a stable code (API.md "Claims").
 * The HTTP status follows from the kind (one filter): not_found 404,
 * conflict 409, rule 422, invalid 400.
 */
export const ClaimErrors = {
  notFound: (id: string) => new DomainError('CLAIM.NOT_FOUND', `claim ${id} not found`, 'not_found'),
  /** A ClaimResponse of a claim missing, not visible or not answered yet alike (FHIR view). */
  responseNotFound: (id: string) => new DomainError('CLAIM.RESPONSE_NOT_FOUND', `ClaimResponse ${id} not found: no such claim, or no answer to it yet`, 'not_found'),
  alreadyExists: (id: string) => new DomainError('CLAIM.ALREADY_EXISTS', `claim ${id} already exists`, 'conflict'),
  notSubmitted: (status: ClaimStatus) => wrongStatus('CLAIM.NOT_SUBMITTED', 'adjudicate', status, 'SUBMITTED'),
  notSubmissionFailed: (status: ClaimStatus) => wrongStatus('CLAIM.NOT_SUBMISSION_FAILED', 'resubmit', status, 'SUBMISSION_FAILED'),
  alreadyCancelled: () => new DomainError('CLAIM.ALREADY_CANCELLED', 'the claim is already cancelled', 'conflict', [], { status: 'CANCELLED' }),
  notRejected: (status: ClaimStatus) => wrongStatus('CLAIM.NOT_REJECTED', 'contest', status, 'REJECTED'),
  alreadyContested: () => new DomainError('CLAIM.ALREADY_CONTESTED', 'a rejection of this claim was contested already: a claim is contested once', 'conflict'),
  /** A line-by-line decision that does not decide every line exactly once, or a rejected line without a known reason. */
  badLines: (field: string, message: string) => invalid(field, 'INVALID_LINES', message),
  unknownReasonCode: (field: string, code: unknown) =>
    invalid(field, 'UNKNOWN_REASON_CODE', `${field} must be one of GET /v1/claims/reason-codes; got ${JSON.stringify(code ?? null)}`),
  invalid,
  periodNotEnded: (period: string) => new DomainError('BILLING.PERIOD_NOT_ENDED', `period ${period} has not ended: it cannot be billed yet`, 'rule'),
  runNotFound: (id: string) => new DomainError('BILLING.RUN_NOT_FOUND', `billing run ${id} not found`, 'not_found'),
  remittanceNotFound: (id: string) => new DomainError('REMITTANCE.NOT_FOUND', `remittance ${id} not found`, 'not_found'),
};
