import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { WebhookView } from '../../projections/webhook-view';

export class ListWebhooksQuery extends Query<ListResponse<WebhookView>> {
  constructor(
    readonly org: string,
    readonly page: { page: number; pageSize: number },
  ) {
    super();
  }
}
