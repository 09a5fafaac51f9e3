import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/contracts';

export const ROLES_KEY = 'auth:roles';

/** Only these roles may call the route (method level overrides class level). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
