import type { Response } from 'supertest';
import type { Refusal } from './bad-requests';

interface Detail {
  field?: string;
  code?: string;
  message?: string;
}

/** What is wrong with the answer to a bad request, or undefined when it is the refusal API.md asks for. */
export function refusalProblem(response: Response, refusal: Refusal): string | undefined {
  const answered = `answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  const error = (response.body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
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
