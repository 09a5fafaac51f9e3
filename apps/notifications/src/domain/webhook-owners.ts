import type { Role } from '@app/contracts';

/** The roles of an organisation (their token names its `org`): the ones that register, list and delete its webhooks. */
export const WEBHOOK_ROLES: Role[] = ['vendor', 'operator', 'evaluator'];
