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
