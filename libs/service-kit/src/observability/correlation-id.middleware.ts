import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdFor, runWithCorrelationId } from './correlation-id';

/**
 * Makes the request's correlation id current for the whole handling. It runs
 * as Nest middleware, after the body parser, whose stream callbacks would
 * otherwise lose the async context.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    runWithCorrelationId(correlationIdFor(request, response), next);
  }
}
