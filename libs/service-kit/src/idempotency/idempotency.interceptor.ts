import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { ErrorBody } from '@app/contracts';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { toErrorResponse } from '../http/error-response';
import { loggableError } from '../observability/loggable-error';
import {
  AlreadyAnswered,
  idempotencyInProgress,
  idempotencyKeyReused,
  invalidIdempotencyKey,
  isIdempotencyRefusal,
  ReplayedErrorException,
} from './idempotency.errors';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_METHODS,
  idempotencyScope,
  IdempotentRequest,
  isAcceptableKey,
  requestHash,
} from './idempotency-request';
import { type IdempotencySlot, runWithIdempotencySlot } from './idempotency-slot';
import { IdempotencyStore, type StoredAnswer } from './idempotency.store';

export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';

/**
 * `Idempotency-Key` on writes (API.md "Conventions"): the first answer (2xx or
 * 4xx) is kept and replayed for the same key and body, the work not done
 * again; a 5xx is forgotten so the client may retry. A command keeps its
 * answer in its own transaction (IdempotentCommandAnswers, through the slot
 * this interceptor opens); the answer of other routes is kept after them.
 * Guards run before interceptors, so the caller (`principal.sub`) is known here.
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

    const slot: IdempotencySlot = {
      scope: idempotencyScope(request),
      key,
      requestHash: requestHash(request),
      // Nest sets the route's status (@HttpCode, else 201 for POST) before the interceptors run.
      successStatus: response.statusCode,
      recorded: false,
    };
    return from(this.store.find(slot.scope, key)).pipe(
      mergeMap((stored) => (stored ? this.replay(stored, slot, response) : this.runFirst(next, slot, response))),
    );
  }

  private replay(stored: StoredAnswer, slot: IdempotencySlot, response: Response): Observable<unknown> {
    if (stored.requestHash !== slot.requestHash) throw idempotencyKeyReused(slot.key);
    if (stored.kind === 'unanswered') throw idempotencyInProgress(slot.key);
    response.setHeader(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    if (stored.statusCode >= 400) throw new ReplayedErrorException(stored.response as ErrorBody, stored.statusCode);
    response.status(stored.statusCode);
    return of(stored.response);
  }

  private runFirst(next: CallHandler, slot: IdempotencySlot, response: Response): Observable<unknown> {
    // The handler runs inside the slot, so the command's transaction finds the key.
    const handled = new Observable<unknown>((subscriber) => runWithIdempotencySlot(slot, () => next.handle().subscribe(subscriber)));
    return handled.pipe(
      mergeMap(async (body) => {
        if (!slot.recorded) await this.remember(() => this.store.save(slot.scope, slot.key, slot.requestHash, slot.successStatus, body));
        return body;
      }),
      catchError((error: unknown) => {
        if (error instanceof AlreadyAnswered) {
          // Another attempt of this request committed first: answer what it was answered.
          return from(this.store.find(slot.scope, slot.key)).pipe(
            mergeMap((stored) => {
              // Swept between its commit and this read (it had expired): as good as still running for this client.
              if (!stored) throw idempotencyInProgress(slot.key);
              return this.replay(stored, slot, response);
            }),
          );
        }
        return from(this.rememberRefusal(slot, error)).pipe(
          mergeMap(() => {
            throw error;
          }),
        );
      }),
    );
  }

  private async rememberRefusal(slot: IdempotencySlot, error: unknown): Promise<void> {
    if (slot.recorded || isIdempotencyRefusal(error)) return;
    const { status, body } = toErrorResponse(error);
    if (status < 500) await this.remember(() => this.store.save(slot.scope, slot.key, slot.requestHash, status, body));
  }

  /** The work is done: failing to remember its answer must not turn the answer into an error. */
  private async remember(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.warn({ err: loggableError(error) }, 'Could not record the idempotent answer');
    }
  }
}
