import { localFieldProblem } from '../../api/api-error';
import { parisWallTimeToIso } from '../../format/dates';

/**
 * A `datetime-local` value (Paris wall time, whatever the browser's zone) as
 * the UTC instant the API takes; empty is no value, unless required. `field`
 * is the request-body path the API would name, so a bad value is shown where
 * the API would show its own refusal.
 */
export function wallTimeToInstant(value: string, field: string, problem: string, required = false): string | undefined {
  const text = value.trim();
  if (!text) {
    if (required) throw localFieldProblem(field, problem);
    return undefined;
  }
  try {
    return parisWallTimeToIso(text);
  } catch {
    throw localFieldProblem(field, problem);
  }
}
