import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { ErrorDetail } from '@app/contracts';
import type { Request } from 'express';
import { invalidRequest } from './invalid-request';
import { MAX_INPUT_DETAILS } from './request-limits';
import { findUnsafeInput } from './unsafe-input';

/**
 * Refuses, on every route, input that no handler may receive (see
 * `findUnsafeInput`): 400 `REQUEST.VALIDATION_FAILED` naming each field, path
 * parameters by their name, query fields by their key, body fields by their
 * path.
 *
 * A guard, because it is the first step of Nest's pipeline that knows the
 * matched route (so a bad `:id` is named `id`) and it still comes before
 * everything that recurses into the input or stores it: the idempotency
 * interceptor (which hashes and records the body), the validation pipe
 * (class-transformer, class-validator) and the handler. Global guards run in
 * the order Nest scans their modules: the root module first, then its imports
 * in order. The kit registers this guard itself and imports AuthModule, so it
 * runs before the JWT and role guards; a global guard of a service's own that
 * reads the input belongs in a module imported after the kit, not in the root
 * module.
 */
@Injectable()
export class SafeInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const details = unsafeRequestInput(context.switchToHttp().getRequest<Request>());
    if (details.length > 0) throw invalidRequest(details);
    return true;
  }
}

/** Path parameters, then the query string, then the parsed body. */
export function unsafeRequestInput(request: Pick<Request, 'params' | 'query' | 'body'>): ErrorDetail[] {
  // Express 5 parses `query` again on each read: once is enough.
  const parts: unknown[] = [request.params, request.query, request.body];
  return parts.flatMap((part) => findUnsafeInput(part)).slice(0, MAX_INPUT_DETAILS);
}
