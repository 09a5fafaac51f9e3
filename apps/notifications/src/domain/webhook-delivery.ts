import { derivedId } from '@app/event-sourcing/ids/derived-id';

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/**
 * The one delivery of a notification to a webhook, the same id at every
 * redelivery of its event (and its BullMQ job id): a notification is
 * delivered once per webhook. Stamped with the notification's time.
 */
export const webhookDeliveryId = (webhookId: string, notificationId: string, notifiedAt: Date): string =>
  derivedId(`webhook-delivery:${webhookId}:${notificationId}`, notifiedAt);

/**
 * What an attempt leaves a delivery in: DELIVERED on a 2xx at any attempt;
 * after a failure, PENDING (tried again) unless it was the last attempt the
 * schedule allows, then FAILED. Attempts are numbered from 1.
 */
export function afterAttempt(outcome: 'DELIVERED' | 'FAILED', attempt: number, attemptsAllowed: number): WebhookDeliveryStatus {
  if (outcome === 'DELIVERED') return 'DELIVERED';
  return attempt >= attemptsAllowed ? 'FAILED' : 'PENDING';
}
