import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/contracts';
import type { AuthenticatedRequest } from '../authenticated-request';
import { roleForbidden, tokenMissing } from '../auth.errors';
import { ROLES_KEY } from '../decorators/roles.decorator';

/** Runs after JwtAuthGuard: a route marked `@Roles(...)` refuses other roles with 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!allowed || allowed.length === 0) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // `@Roles` on a `@Public()` route: fail closed.
    if (!principal) throw tokenMissing();
    if (!allowed.includes(principal.role)) throw roleForbidden(principal.role, allowed);
    return true;
  }
}
