/** One bad field of a 400, as API.md gives it: its path in the request body. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * An answer that is not 2xx, with API.md's error body when there is one:
 * `code` and `message` to show, `fieldProblems` to put beside their fields,
 * and the whole body for what a screen reads further (a prescription's
 * refused `evaluation`, say).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[],
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The details that name a field (a 400's), for the form that sent them. */
  get fieldProblems(): FieldProblem[] {
    return this.details.filter(isFieldProblem);
  }

  /** The message for one field of the request body, if the API named it. */
  problemFor(field: string): string | undefined {
    return this.fieldProblems.find((problem) => problem.field === field)?.message;
  }
}

const isFieldProblem = (detail: unknown): detail is FieldProblem =>
  typeof detail === 'object' && detail !== null && typeof (detail as FieldProblem).field === 'string' && typeof (detail as FieldProblem).message === 'string';

/** The API's error body, or what the status alone says when the body is not one (a proxy's HTML page, say). */
export function apiErrorOf(status: number, body: unknown, statusText: string): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, Array.isArray(error.details) ? error.details : [], body);
  }
  return new ApiError(status, `HTTP.${status}`, statusText || `HTTP ${status}`, [], body);
}

/**
 * A refusal made in the browser before any call, shaped as the API's 400, so
 * a form shows it beside its field exactly as it shows the API's own.
 */
export function localFieldProblem(field: string, message: string): ApiError {
  return new ApiError(400, 'CONSOLE.INVALID_INPUT', message, [{ field, code: 'INVALID', message }], undefined);
}
