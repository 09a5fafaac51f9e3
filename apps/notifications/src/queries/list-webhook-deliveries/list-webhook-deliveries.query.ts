import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { WebhookDeliveryView } from '../../projections/webhook-delivery-view';

export class ListWebhookDeliveriesQuery extends Query<ListResponse<WebhookDeliveryView>> {
  constructor(
    readonly webhookId: string,
    readonly org: string,
    readonly page: { page: number; pageSize: number },
  ) {
    super();
  }
}
