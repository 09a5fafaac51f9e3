import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { platformNowOf, type TimedRequest } from './request-clock.middleware';

/** The platform clock's reading at the request's arrival, for a read that depends on the date (what is in force today). */
export const RequestNow = createParamDecorator((_data: unknown, context: ExecutionContext): Date =>
  platformNowOf(context.switchToHttp().getRequest<TimedRequest>()),
);
