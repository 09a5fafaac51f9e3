import type { NotificationCreatedV1, NotificationsEventsV1, EventOf } from '@app/contracts';

/** Events of a notification's stream: the notification part of what notifications.events.v1 publishes (libs/contracts). */
export type NotificationEvent = EventOf<Pick<NotificationsEventsV1, 'NotificationCreated' | 'NotificationRead'>>;
export type NotificationCreated = NotificationCreatedV1;
