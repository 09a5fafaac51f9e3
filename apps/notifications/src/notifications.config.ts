import { envInteger, extendConfig } from '@app/service-kit';
import { DEFAULT_RETRY_SCHEDULE } from './domain/delivery-schedule';

/**
 * The platform settings plus the notifications service's own: how long one
 * webhook attempt may take and the retry schedule (30 s doubling up to an
 * hour, for a day; a test's are short). The deliveries' concurrency is the
 * queue's own (webhooks/webhook-delivery.queue.ts).
 */
export const loadNotificationsConfig = extendConfig({
  /** One POST to a receiver, connection to answer: a receiver that answers slowly or never costs no more. */
  WEBHOOK_TIMEOUT_MS: envInteger(100, 60_000).default(10_000),
  WEBHOOK_FIRST_RETRY_MS: envInteger(1, 3_600_000).default(DEFAULT_RETRY_SCHEDULE.firstRetryMs),
  WEBHOOK_LONGEST_WAIT_MS: envInteger(1, 86_400_000).default(DEFAULT_RETRY_SCHEDULE.longestWaitMs),
  /** After this long since the first attempt, a delivery that never succeeded is FAILED. */
  WEBHOOK_RETRY_WINDOW_MS: envInteger(1, 7 * 86_400_000).default(DEFAULT_RETRY_SCHEDULE.windowMs),
});

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;
