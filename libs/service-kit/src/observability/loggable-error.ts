/**
 * What of an error may be written to the logs. Database errors carry the
 * statement's parameters (`parameters`), its text (`query`) and the driver's
 * `detail` ("Key (x)=(...)"): the values being written, personal data
 * included. Only the name, message, codes and stack are kept.
 */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  cause?: LoggableError;
}

const KEPT_CODES = ['code', 'constraint'] as const;

/** Idempotent: an already safe error (or any error-like object) passes through the same filter. */
export function loggableError(error: unknown, depth = 0): LoggableError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: String(error) };
  const fields = error as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const safe: LoggableError = {
    type: error instanceof Error ? error.name : (text(fields.type) ?? 'Object'),
    message: text(fields.message) ?? String(error),
  };
  const stack = text(fields.stack);
  if (stack) safe.stack = stack;
  for (const key of KEPT_CODES) {
    const value = fields[key] ?? (fields.driverError as Record<string, unknown> | undefined)?.[key];
    if (typeof value === 'string' || typeof value === 'number') safe[key] = String(value);
  }
  if (fields.cause !== undefined && depth < 3) safe.cause = loggableError(fields.cause, depth + 1);
  return safe;
}
