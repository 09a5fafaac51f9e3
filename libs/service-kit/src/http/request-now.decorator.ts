import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TimedRequest } from './request-clock.middleware';

/** The platform clock's reading at the request's arrival, for a read that depends on the date (what is in force today). */
export const RequestNow = createParamDecorator((_data: unknown, context: ExecutionContext): Date => {
  const now = context.switchToHttp().getRequest<TimedRequest>().platformNow;
  if (!now) throw new Error('RequestNow needs the service kit (its RequestClockMiddleware reads the clock)');
  return now;
});
