import type { RetrySchedule } from '../domain/delivery-schedule';
import type { WebhookUrlPolicy } from '../domain/webhook-url';
import type { NotificationsConfig } from '../notifications.config';

/** Development and test allow http and local receivers (a receiver on the developer's machine); production never. */
export const webhookUrlPolicyOf = (config: Pick<NotificationsConfig, 'NODE_ENV'>): WebhookUrlPolicy => ({ development: config.NODE_ENV !== 'production' });

/** The retry schedule of the deliveries, from the configuration. */
export const retryScheduleOf = (
  config: Pick<NotificationsConfig, 'WEBHOOK_FIRST_RETRY_MS' | 'WEBHOOK_LONGEST_WAIT_MS' | 'WEBHOOK_RETRY_WINDOW_MS'>,
): RetrySchedule => ({
  firstRetryMs: config.WEBHOOK_FIRST_RETRY_MS,
  longestWaitMs: config.WEBHOOK_LONGEST_WAIT_MS,
  windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
});
