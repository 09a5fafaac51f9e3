import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { WebhookView } from '../../projections/webhook-view';
import { WebhooksRepository } from '../../projections/webhooks.repository';
import { ListWebhooksQuery } from './list-webhooks.query';

/** The org's active webhooks, newest first. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, ListResponse<WebhookView>> {
  constructor(private readonly webhooks: WebhooksRepository) {}

  async execute({ org, page }: ListWebhooksQuery): Promise<ListResponse<WebhookView>> {
    const { rows, total } = await this.webhooks.list(org, page);
    return toListResponse(rows, total, page.page, page.pageSize);
  }
}
