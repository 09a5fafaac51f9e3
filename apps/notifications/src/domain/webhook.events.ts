import type { EventOf, NotificationsEventsV1 } from '@app/contracts';

/** Events of a webhook's stream: the webhook part of what notifications.events.v1 publishes (libs/contracts). Never the secret. */
export type WebhookEvent = EventOf<Pick<NotificationsEventsV1, 'WebhookRegistered' | 'WebhookDeleted'>>;
export type WebhookRegistered = NotificationsEventsV1['WebhookRegistered'];
