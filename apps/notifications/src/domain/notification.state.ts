import type { StepActorV1 } from '@app/contracts';
import type { NotificationCreated, NotificationEvent } from './notification.events';

export type NotificationState =
  | { status: 'NONE' }
  | { status: 'UNREAD'; notification: NotificationCreated }
  | { status: 'READ'; notification: NotificationCreated; readAt: string; readBy: StepActorV1 };

export const initialNotificationState = (): NotificationState => ({ status: 'NONE' });

export function evolveNotification(state: NotificationState, event: NotificationEvent): NotificationState {
  switch (event.type) {
    case 'NotificationCreated':
      return { status: 'UNREAD', notification: event.data };
    case 'NotificationRead':
      return state.status === 'NONE' ? state : { status: 'READ', notification: state.notification, ...event.data };
    default:
      return state;
  }
}
