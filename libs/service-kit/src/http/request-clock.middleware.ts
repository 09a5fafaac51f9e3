import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CLOCK } from '../clock/clock.tokens';
import type { Clock } from '../clock/clock';

/** The platform clock's reading when the request arrived: the `now` of the command it carries. */
export type TimedRequest = Request & { platformNow?: Date };

/**
 * Reads the platform clock once per request, so a parameter decorator (which
 * has no injection) can hand it to the command, and every step of one request
 * agrees on its time.
 */
@Injectable()
export class RequestClockMiddleware implements NestMiddleware {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  use(request: TimedRequest, _response: Response, next: NextFunction): void {
    request.platformNow = this.clock.now();
    next();
  }
}

/** The request's platform time; only a request that went through the service kit has one. */
export function platformNowOf(request: TimedRequest): Date {
  if (!request.platformNow) throw new Error('No platform time on this request: the service kit reads it (RequestClockMiddleware)');
  return request.platformNow;
}
