import { ApiError } from './api-error';

/** For specs of a body builder: the first field problem of the ApiError it throws (a local refusal), or undefined when it builds. */
export function refusalOf(run: () => unknown): { field: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { field: error.fieldProblems[0].field, message: error.message };
    throw error;
  }
  return undefined;
}
