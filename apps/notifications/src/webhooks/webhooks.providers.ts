import { PLATFORM_CONFIG, type QueueDeclaration } from '@app/service-kit';
import type { Provider, Type } from '@nestjs/common';
import { DeleteWebhookHandler } from '../commands/delete-webhook/delete-webhook.handler';
import { DeleteWebhookHttpController } from '../commands/delete-webhook/delete-webhook.http.controller';
import { RegisterWebhookHandler } from '../commands/register-webhook/register-webhook.handler';
import { RegisterWebhookHttpController } from '../commands/register-webhook/register-webhook.http.controller';
import { WebhookAggregate } from '../commands/webhook.aggregate';
import type { NotificationsConfig } from '../notifications.config';
import { WebhookAttemptsRepository } from '../projections/webhook-attempts.repository';
import { WebhookDeliveriesRepository } from '../projections/webhook-deliveries.repository';
import { WebhookReadModel } from '../projections/webhook-read-model.projection';
import { WebhooksRepository } from '../projections/webhooks.repository';
import { ListWebhookDeliveriesHandler } from '../queries/list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhookDeliveriesHttpController } from '../queries/list-webhook-deliveries/list-webhook-deliveries.http.controller';
import { ListWebhooksHandler } from '../queries/list-webhooks/list-webhooks.handler';
import { ListWebhooksHttpController } from '../queries/list-webhooks/list-webhooks.http.controller';
import { WebhookDeliveriesConsumer } from './webhook-deliveries.consumer';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookDeliveryJobs } from './webhook-delivery-jobs';
import {
  WEBHOOK_DELIVERY_CONCURRENCY,
  WEBHOOK_DELIVERY_JOB,
  WEBHOOK_DELIVERY_QUEUE,
  WEBHOOK_SWEEP_JOB,
  WEBHOOK_SWEEP_SCHEDULER_ID,
  WEBHOOK_SWEEPS_QUEUE,
  webhookBackoff,
} from './webhook-delivery.queue';
import { WebhookDeliverySweep } from './webhook-delivery.sweep';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { webhookUrlPolicyOf } from './webhook-settings';

/** Everything of the organisations' webhooks the module mounts: their routes, their providers, their delivery queue. */
export const WEBHOOK_CONTROLLERS: Type[] = [
  RegisterWebhookHttpController,
  ListWebhooksHttpController,
  DeleteWebhookHttpController,
  ListWebhookDeliveriesHttpController,
];

export const WEBHOOK_PROVIDERS: Provider[] = [
  WebhooksRepository,
  WebhookDeliveriesRepository,
  WebhookAttemptsRepository,
  WebhookReadModel,
  WebhookAggregate,
  WebhookSecrets,
  RegisterWebhookHandler,
  DeleteWebhookHandler,
  ListWebhooksHandler,
  ListWebhookDeliveriesHandler,
  WebhookDeliveriesConsumer,
  WebhookDeliveryJobs,
  WebhookDeliveryJob,
  WebhookDeliverySweep,
  {
    provide: WebhookSender,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: NotificationsConfig) => new WebhookSender({ ...webhookUrlPolicyOf(config), timeoutMs: config.WEBHOOK_TIMEOUT_MS }),
  },
];

/**
 * The deliveries, 32 side by side (each bounded by WEBHOOK_TIMEOUT_MS: a
 * silent receiver holds one slot, not the queue), retried on the schedule
 * each job carries; and the sweep, every minute, on a queue of its own so
 * that it never waits behind deliveries.
 */
export const WEBHOOK_JOBS: QueueDeclaration[] = [
  {
    queue: WEBHOOK_DELIVERY_QUEUE,
    jobs: [{ name: WEBHOOK_DELIVERY_JOB, handler: WebhookDeliveryJob }],
    worker: { concurrency: WEBHOOK_DELIVERY_CONCURRENCY, backoffStrategy: webhookBackoff },
  },
  { queue: WEBHOOK_SWEEPS_QUEUE, jobs: [{ name: WEBHOOK_SWEEP_JOB, handler: WebhookDeliverySweep, everyMinuteAs: WEBHOOK_SWEEP_SCHEDULER_ID }] },
];
