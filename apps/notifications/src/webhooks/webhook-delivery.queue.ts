import type { BackoffStrategy } from 'bullmq';
import { retryDelayMs, type RetrySchedule } from '../domain/delivery-schedule';

/** The queue of the deliveries: one job per delivery, its id the delivery's (queued twice, run once). */
export const WEBHOOK_DELIVERY_QUEUE = 'notifications-webhook-deliveries';
export const WEBHOOK_DELIVERY_JOB = 'deliver-webhook';
export const WEBHOOK_SWEEPS_QUEUE = 'notifications-webhook-sweeps';
export const WEBHOOK_SWEEP_JOB = 'requeue-pending-webhook-deliveries';
export const WEBHOOK_SWEEP_SCHEDULER_ID = 'webhook-delivery-sweep-every-minute';

/**
 * Deliveries in flight at once. Each waits on a receiver at most
 * WEBHOOK_TIMEOUT_MS: a few receivers that answer slowly or never hold a few
 * of these, and the others keep flowing.
 */
export const WEBHOOK_DELIVERY_CONCURRENCY = 32;

/** What a delivery job carries: ids only (never the body nor the secret), and the schedule it was queued under. */
export interface WebhookDeliveryJobData {
  deliveryId: string;
  schedule: RetrySchedule;
}

/**
 * BullMQ asks it after each failed attempt (1 for the first): the wait of the
 * schedule the job carries, so its waits and its number of attempts come
 * from the same configuration, whatever a later start-up configures.
 */
export const webhookBackoff: BackoffStrategy = (attemptsMade, _type, _error, job) =>
  retryDelayMs((job?.data as WebhookDeliveryJobData).schedule, attemptsMade);
