import { ERROR_CODES, type ErrorBody } from '@app/contracts';
import { HttpException } from '@nestjs/common';

/** 503 DEPENDENCY.UNAVAILABLE naming the service, with why (never a dossier answered without what it lacks). */
export function dependencyUnavailable(service: string, why: string): HttpException {
  const body: ErrorBody = {
    error: { code: ERROR_CODES.dependencyUnavailable, message: `${service} is unavailable (${why}); the dossier cannot be given without it, retry later`, details: [] },
  };
  return new HttpException(body, 503);
}

/** What a failed fetch says, briefly: a timeout, the connection error's code, or its message. */
export function fetchFailure(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
