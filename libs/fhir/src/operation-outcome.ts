import type { ErrorBody } from '@app/contracts';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { platformUrl } from './fhir-media-type';

/** The issue type (FHIR value set `issue-type`, required) an HTTP status stands for. */
const ISSUE_TYPE_OF_STATUS: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  406: 'not-supported',
  409: 'conflict',
  413: 'too-costly',
  422: 'business-rule',
  429: 'throttled',
  503: 'transient',
};

/** The platform's error codes, as the JSON API's `error.code` names them. */
export const ERROR_CODE_SYSTEM = platformUrl('CodeSystem/error-code');
/** The codes of `error.details[].code` (what is wrong with one field). */
export const ERROR_DETAIL_CODE_SYSTEM = platformUrl('CodeSystem/error-detail-code');

/**
 * The JSON API's error body as an OperationOutcome: the same code (a coding
 * of the platform's error codes), the same message, and one issue per bad
 * field with the field in `expression`, so a FHIR client reads what a JSON
 * client reads.
 */
export function toOperationOutcome(status: number, { error }: ErrorBody): OperationOutcome {
  const code = ISSUE_TYPE_OF_STATUS[status] ?? (status >= 500 ? 'exception' : 'processing');
  const severity: OperationOutcomeIssue['severity'] = status >= 500 ? 'fatal' : 'error';
  const details = (system: string, errorCode: string, text: string) => ({ coding: [{ system, code: errorCode }], text });
  const issues: OperationOutcomeIssue[] = [{ severity, code, details: details(ERROR_CODE_SYSTEM, error.code, error.message) }];
  for (const detail of error.details ?? []) {
    const field = detail.field ? { expression: [detail.field] } : {};
    issues.push({ severity, code, details: details(ERROR_DETAIL_CODE_SYSTEM, detail.code, detail.message), ...field });
  }
  const correlationId = (error as { correlationId?: unknown }).correlationId;
  if (typeof correlationId === 'string') issues[0].diagnostics = `correlation id ${correlationId}`;
  return { resourceType: 'OperationOutcome', issue: issues };
}
