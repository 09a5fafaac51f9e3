import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookErrors } from '../../domain/webhook.errors';
import type { WebhookDeliveryView } from '../../projections/webhook-delivery-view';
import { WebhookDeliveriesRepository } from '../../projections/webhook-deliveries.repository';
import { WebhooksRepository } from '../../projections/webhooks.repository';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

/**
 * A webhook's delivery log, newest first, each delivery with its attempts.
 * The log outlives the webhook: the org may read why a deleted one failed.
 * Another org's webhook, or a missing one: 404.
 */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery, ListResponse<WebhookDeliveryView>> {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  async execute({ webhookId, org, page }: ListWebhookDeliveriesQuery): Promise<ListResponse<WebhookDeliveryView>> {
    if (!(await this.webhooks.view(webhookId, org))) throw WebhookErrors.notFound(webhookId);
    const { rows, total } = await this.deliveries.log(webhookId, page);
    return toListResponse(rows, total, page.page, page.pageSize);
  }
}
