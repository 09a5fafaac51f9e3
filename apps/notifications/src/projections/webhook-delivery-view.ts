import type { NotificationType } from '@app/contracts';
import type { WebhookDeliveryStatus } from '../domain/webhook-delivery';

/** One POST of a delivery, as the log gives it. */
export interface WebhookAttemptView {
  attempt: number;
  at: string;
  outcome: 'DELIVERED' | 'FAILED';
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/**
 * One notification delivered (or being delivered) to a webhook, as `GET
 * /v1/webhooks/:id/deliveries` gives it: one logical delivery, however many
 * attempts it took, each in `attemptLog` (oldest first).
 */
export interface WebhookDeliveryView {
  id: string;
  notificationId: string;
  type: NotificationType;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: string;
  deliveredAt?: string;
  failedAt?: string;
  lastStatusCode?: number;
  lastError?: string;
  attemptLog: WebhookAttemptView[];
}

/** A delivery to store when its notification is consumed. */
export interface NewWebhookDelivery {
  id: string;
  webhookId: string;
  notificationId: string;
  type: NotificationType;
  createdAt: Date;
}

/** What a delivery job reads of its delivery. */
export interface WebhookDeliveryRow {
  id: string;
  webhookId: string;
  notificationId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
}

/** One attempt to log, and what it leaves the delivery in. */
export interface WebhookAttemptRecord {
  deliveryId: string;
  attempt: number;
  at: Date;
  outcome: 'DELIVERED' | 'FAILED';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The delivery after it: PENDING (tried again), DELIVERED or FAILED; DELIVERED and FAILED at `finishedAt`. */
  status: WebhookDeliveryStatus;
  finishedAt: Date;
}
