import type { StepActorV1 } from '@app/contracts';
import type { NotificationCreated } from './notification.events';

/**
 * Telling a fact (the platform, from a consumed event) and reading it (the
 * recipient). Commands carry everything the decision needs, the time
 * included, so the decider stays pure.
 */
export type NotificationCommand =
  | { type: 'CreateNotification'; notification: NotificationCreated }
  | { type: 'ReadNotification'; notificationId: string; now: Date; reader: StepActorV1 };
