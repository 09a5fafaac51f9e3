import { NOTIFICATIONS_EVENTS_V1, type NotificationCreatedV1 } from '@app/contracts';
import { IdempotentConsumerFactory } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { orgOfRecipient } from '../domain/recipient';
import { webhookDeliveryId } from '../domain/webhook-delivery';
import { WebhookDeliveriesRepository } from '../projections/webhook-deliveries.repository';
import { WebhooksRepository } from '../projections/webhooks.repository';
import { WebhookDeliveryJobs } from './webhook-delivery-jobs';
import { WEBHOOKS_CONSUMER_PURPOSE } from './webhooks-consumer-purpose';

/**
 * notifications.events.v1, the service's own topic: each notification
 * created for an org's inbox becomes one delivery per ACTIVE webhook of that
 * org subscribed to its type, then one job per delivery. The notification
 * row was committed before its event was published (the outbox).
 *
 * The deliveries are committed on their own, before their jobs are queued,
 * not in the inbox's transaction: a job that started before a commit would
 * find no row. Their ids (webhook + notification) make a redelivered event
 * add nothing; it queues again the jobs of those still PENDING, which the
 * job ids make no-ops when they exist. Deliveries whose job was lost (a
 * crash between the commit and the queue) are re-queued by the sweep.
 */
@Injectable()
export class WebhookDeliveriesConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: WebhookDeliveryJobs,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOKS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers.create({ purpose: this.purpose, contract: NOTIFICATIONS_EVENTS_V1 }).on('NotificationCreated', ({ data }) => this.deliver(data));
  }

  private async deliver(notification: NotificationCreatedV1): Promise<void> {
    const org = orgOfRecipient(notification.recipient);
    if (!org) return;
    const webhookIds = await this.webhooks.subscribedTo(org, notification.type);
    if (webhookIds.length === 0) return;
    const now = this.clock.now();
    const notifiedAt = new Date(notification.createdAt);
    const pending = await this.deliveries.addPending(
      webhookIds.map((webhookId) => ({
        id: webhookDeliveryId(webhookId, notification.notificationId, notifiedAt),
        webhookId,
        notificationId: notification.notificationId,
        type: notification.type,
        createdAt: now,
      })),
    );
    for (const deliveryId of pending) await this.jobs.enqueue(deliveryId);
  }
}
