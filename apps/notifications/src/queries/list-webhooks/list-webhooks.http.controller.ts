import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WEBHOOK_ROLES } from '../../domain/webhook-owners';
import type { WebhookView } from '../../projections/webhook-view';
import { ListWebhooksQuery } from './list-webhooks.query';
import { ListWebhooksRequestDto } from './list-webhooks.request.dto';

/** The caller's org's webhooks (its token's `org`); another org's are never listed. */
@ApiController('v1/webhooks', 'webhooks')
export class ListWebhooksHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...WEBHOOK_ROLES)
  list(@QueryParams() { page, pageSize }: ListWebhooksRequestDto, @CurrentPrincipal() caller: Principal): Promise<ListResponse<WebhookView>> {
    return this.queries.execute(new ListWebhooksQuery(caller.org ?? '', { page, pageSize }));
  }
}
