import { ApiError } from './api-error';

/**
 * What the API said of a group of inputs sent as one array (`indications`,
 * `certifiedIndications`): of the array itself, or of any of its items
 * (`certifiedIndications[1]`), so a checkbox group shows it under its legend.
 */
export function problemsUnder(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.fieldProblems.filter((problem) => problem.field === field || problem.field.startsWith(`${field}[`)).map((problem) => problem.message);
  return messages.length > 0 ? [...new Set(messages)].join(' ; ') : undefined;
}
