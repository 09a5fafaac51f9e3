import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { recipientKey } from '../domain/recipient';
import { afterAttempt } from '../domain/webhook-delivery';
import { NotificationsRepository } from '../projections/notifications.repository';
import type { NotificationView } from '../projections/notification-view';
import { WebhookDeliveriesRepository } from '../projections/webhook-deliveries.repository';
import type { WebhookTarget } from '../projections/webhook-view';
import { WebhooksRepository } from '../projections/webhooks.repository';
import type { WebhookDeliveryJobData } from './webhook-delivery.queue';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender, type WebhookAttempt } from './webhook-sender';

type Outcome = { deliveryId: string; outcome: 'DELIVERED' | 'FAILED' | 'STALE' | 'MISSING' };

/**
 * One attempt of one delivery: POSTs the notification exactly as `GET
 * /v1/notifications` gives it (its JSON signed under the webhook's secret,
 * `X-Event-Id` its id), logs the attempt and moves the delivery: DELIVERED on
 * a 2xx; on a failure the job throws and BullMQ tries again on the
 * schedule's backoff, and the schedule's last attempt ends it FAILED. A
 * webhook deleted meanwhile is not POSTed to: its delivery ends FAILED
 * ("the webhook was deleted"), without an attempt. The secret and the body
 * are never logged; each attempt waits on the receiver at most
 * WEBHOOK_TIMEOUT_MS.
 */
@Injectable()
export class WebhookDeliveryJob implements JobHandler<Outcome> {
  private readonly logger = new Logger(WebhookDeliveryJob.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly notifications: NotificationsRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: Job<WebhookDeliveryJobData>): Promise<Outcome> {
    const { deliveryId } = job.data;
    const attemptsAllowed = job.opts.attempts ?? 1;
    const last = job.attemptsMade + 1 >= attemptsAllowed;
    const delivery = await this.deliveries.get(deliveryId);
    // Rows are committed before their job is queued: none means nothing to deliver.
    if (!delivery) return { deliveryId, outcome: 'MISSING' };
    if (delivery.status !== 'PENDING') return { deliveryId, outcome: 'STALE' };
    const webhook = await this.webhooks.target(delivery.webhookId);
    if (!webhook || webhook.status !== 'ACTIVE') return this.fail(deliveryId, 'the webhook was deleted');
    const notification = await this.notifications.get(delivery.notificationId, [recipientKey({ kind: 'org', org: webhook.org })]);
    if (!notification) {
      // Committed before its event was published: missing only if the read failed to see it, so try again, and stop at the last.
      if (last) return this.fail(deliveryId, 'its notification was not found');
      throw new Error(`notification ${delivery.notificationId} of delivery ${deliveryId} not found`);
    }
    const at = this.clock.now();
    const sent = await this.post(webhook, notification);
    const attempt = delivery.attempts + 1;
    const status = afterAttempt(sent.outcome, job.attemptsMade + 1, attemptsAllowed);
    await this.deliveries.recordAttempt({
      deliveryId,
      attempt,
      at,
      outcome: sent.outcome,
      statusCode: sent.statusCode,
      error: sent.outcome === 'FAILED' ? sent.error : null,
      durationMs: sent.durationMs,
      status,
      finishedAt: this.clock.now(),
    });
    const trace = `delivery ${deliveryId} of webhook ${webhook.id}, attempt ${attempt}`;
    if (status === 'PENDING') {
      this.logger.warn(`${trace} failed (${sent.statusCode ?? 'no answer'}): will be tried again`);
      throw new Error(`${trace} failed`);
    }
    if (status === 'FAILED') this.logger.warn(`${trace} failed (${sent.statusCode ?? 'no answer'}): FAILED, no attempt left`);
    return { deliveryId, outcome: status };
  }

  /** The POST, or a failed attempt without one when the secret does not open (a key this service no longer holds). */
  private async post(webhook: WebhookTarget, notification: NotificationView): Promise<WebhookAttempt> {
    let secret: string;
    try {
      if (!webhook.secretSealed) throw new Error('no secret');
      secret = this.secrets.open(webhook.id, webhook.secretSealed);
    } catch {
      return { outcome: 'FAILED', statusCode: null, error: 'the webhook secret could not be opened', durationMs: 0 };
    }
    return this.sender.post({ url: webhook.url, eventId: notification.id, body: JSON.stringify(notification), secret });
  }

  private async fail(deliveryId: string, reason: string): Promise<Outcome> {
    await this.deliveries.markFailed(deliveryId, this.clock.now(), reason);
    return { deliveryId, outcome: 'FAILED' };
  }
}

