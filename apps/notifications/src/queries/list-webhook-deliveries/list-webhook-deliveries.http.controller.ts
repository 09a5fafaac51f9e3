import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WEBHOOK_ROLES } from '../../domain/webhook-owners';
import type { WebhookDeliveryView } from '../../projections/webhook-delivery-view';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';
import { ListWebhookDeliveriesRequestDto } from './list-webhook-deliveries.request.dto';

@ApiController('v1/webhooks', 'webhooks')
export class ListWebhookDeliveriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deliveries')
  @Roles(...WEBHOOK_ROLES)
  list(
    @UuidParam() id: string,
    @QueryParams() { page, pageSize }: ListWebhookDeliveriesRequestDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ListResponse<WebhookDeliveryView>> {
    return this.queries.execute(new ListWebhookDeliveriesQuery(id, caller.org ?? '', { page, pageSize }));
  }
}
