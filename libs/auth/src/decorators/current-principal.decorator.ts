import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../authenticated-request';
import { tokenMissing } from '../auth.errors';
import type { Principal } from '../principal';

/** The caller of a guarded route. On a `@Public()` route there is none: it throws 401. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw tokenMissing();
  return principal;
});
