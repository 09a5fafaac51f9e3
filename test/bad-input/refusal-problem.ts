import type { Response } from 'supertest';
import type { Refusal } from './bad-requests';

interface Detail {
  field?: string;
  code?: string;
  message?: string;
}

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

interface OutcomeIssue {
  details?: { coding?: { code?: string }[]; text?: string };
  expression?: string[];
}

/**
 * The error of an answer: the API's `error`, or, under /fhir/, the same error
 * read back from its OperationOutcome (API.md "FHIR R4": the first issue is
 * the error, each further one a detail with its field in `expression`).
 */
function errorOf(body: unknown): ErrorShape | undefined {
  const outcome = body as { resourceType?: string; issue?: OutcomeIssue[] } | undefined;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return (body as { error?: ErrorShape } | undefined)?.error;
  const [first, ...rest] = outcome.issue;
  return {
    code: first?.details?.coding?.[0]?.code,
    message: first?.details?.text,
    details: rest.map((issue) => ({ field: issue.expression?.[0], code: issue.details?.coding?.[0]?.code, message: issue.details?.text })),
  };
}

/** What is wrong with the answer to a bad request, or undefined when it is the refusal API.md asks for. */
export function refusalProblem(response: Response, refusal: Refusal): string | undefined {
  const answered = `answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  const error = errorOf(response.body);
  if (response.status !== refusal.status || !error || typeof error.message !== 'string' || !Array.isArray(error.details)) return answered;
  if (refusal.status === 413) return error.code === 'REQUEST.TOO_LARGE' ? undefined : answered;
  const details = error.details as Detail[];
  if (error.code !== 'REQUEST.VALIDATION_FAILED') return answered;
  const named = details.find((detail) => detail.field === refusal.field && detail.code === refusal.code);
  if (!named || typeof named.message !== 'string' || !error.message.includes(refusal.field)) {
    return `${answered}; expected a detail { field: ${refusal.field}, code: ${refusal.code} }`;
  }
  if (refusal.onlyDetail && details.length !== 1) return `${answered}; expected that detail alone`;
  return undefined;
}
