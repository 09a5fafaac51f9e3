import { TOPICS } from '../topics';
import type { CausingEventV1, StepActorV1 } from './enrolment.v1';
import { eventContract, type EventOf } from './event-contract';

/*
 * notifications.events.v1: the notifications service's two streams (key and
 * `streamId` = the notification's or the webhook's id; `streamType`
 * `notification` or `webhook`). A notification names the patient by
 * pseudonym only; a webhook's secret is never here.
 */

/** The kinds of notification API.md ("Notifications") lists; a webhook subscribes to some of them. */
export const NOTIFICATION_TYPES = [
  'OBSERVANCE_LOW',
  'DEVICE_SUSPENDED',
  'DEVICE_REVOKED',
  'ENROLMENT_SUSPENDED',
  'ENROLMENT_ENDED',
  'RIGHTS_CLOSED',
  'INCIDENT_OPENED',
  'CLAIM_REJECTED',
  'CLAIM_PAID',
  'REVIEW_DECIDED',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type NotificationCreatedV1 = {
  notificationId: string;
  type: NotificationType;
  /** Whose inbox: `physician:<rpps>` or `org:<id>`. */
  recipient: string;
  subject: string;
  relatedSubjects: string[];
  /** A sentence naming the patient by pseudonym only. */
  message: string;
  /** Telling this physician engages their liability: the creation and the first reading are audited. */
  engaging: boolean;
  /** The event of another service that carried the fact. */
  fact: CausingEventV1;
  createdAt: string;
};

export type NotificationsEventsV1 = {
  NotificationCreated: NotificationCreatedV1;
  /** The first reading; later ones change nothing. */
  NotificationRead: { readAt: string; readBy: StepActorV1 };
  /** An organisation's webhook: its notifications of `events` are POSTed to `url`. */
  WebhookRegistered: { webhookId: string; org: string; url: string; events: NotificationType[]; registeredAt: string; registeredBy: StepActorV1 };
  WebhookDeleted: { deletedAt: string; deletedBy: StepActorV1 };
};

export type NotificationsEventV1 = EventOf<NotificationsEventsV1>;

export const NOTIFICATIONS_EVENTS_V1 = eventContract<NotificationsEventsV1>(TOPICS.notifications, {
  NotificationCreated: 1,
  NotificationRead: 1,
  WebhookRegistered: 1,
  WebhookDeleted: 1,
});
