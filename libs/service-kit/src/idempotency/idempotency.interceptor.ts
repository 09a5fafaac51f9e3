import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { ErrorBody } from '@app/contracts';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { toErrorResponse } from '../http/error-response';
import { idempotencyInProgress, idempotencyKeyReused, invalidIdempotencyKey, ReplayedErrorException } from './idempotency.errors';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_METHODS,
  idempotencyScope,
  IdempotentRequest,
  isAcceptableKey,
  requestHash,
} from './idempotency-request';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';

/**
 * `Idempotency-Key` on writes (API.md "Conventions"): the first answer (2xx or
 * 4xx) is stored and replayed for the same key and body without running the
 * handler again; 5xx answers are forgotten so the client may retry. Guards run
 * before interceptors, so the caller (`principal.sub`) is known here.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & IdempotentRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (!IDEMPOTENT_METHODS.has(request.method) || key === undefined) return next.handle();
    if (typeof key !== 'string' || !isAcceptableKey(key)) throw invalidIdempotencyKey();

    const scope = idempotencyScope(request);
    return from(this.store.begin(scope, key, requestHash(request))).pipe(
      mergeMap((outcome) => {
        switch (outcome.kind) {
          case 'key_reused':
            throw idempotencyKeyReused(key);
          case 'in_progress':
            throw idempotencyInProgress(key);
          case 'replay':
            response.setHeader(IDEMPOTENCY_REPLAYED_HEADER, 'true');
            if (outcome.statusCode >= 400) throw new ReplayedErrorException(outcome.response as ErrorBody, outcome.statusCode);
            response.status(outcome.statusCode);
            return of(outcome.response);
          case 'started':
            return this.runFirst(next, scope, key, response);
        }
      }),
    );
  }

  private runFirst(next: CallHandler, scope: string, key: string, response: Response): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.remember(() => this.store.complete(scope, key, response.statusCode, body));
        return body;
      }),
      catchError(async (error: unknown) => {
        const { status, body } = toErrorResponse(error);
        await this.remember(() =>
          status < 500 ? this.store.complete(scope, key, status, body) : this.store.release(scope, key),
        );
        throw error;
      }),
    );
  }

  /**
   * The handler's work is done: failing to record it must not turn its answer
   * into an error. The row then stays "in progress" until it is abandoned.
   */
  private async remember(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not record the idempotent answer');
    }
  }
}
