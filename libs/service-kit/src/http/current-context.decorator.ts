import { actorOf, type AuthenticatedRequest, tokenMissing } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdFor } from '../observability/correlation-id';
import { platformNowOf, type TimedRequest } from './request-clock.middleware';

/**
 * The CommandContext of the request: its caller as the actor, its
 * correlation id, no causation (a user's own request), and the platform
 * clock's reading at its arrival. Every controller that sends a command takes
 * its context from here, so events and audit entries are stamped alike.
 */
export const CurrentContext = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & TimedRequest>();
  if (!request.principal) throw tokenMissing();
  return { actor: actorOf(request.principal), correlationId: correlationIdFor(request), causationId: null, now: platformNowOf(request) };
});
