import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { WEBHOOK_ROLES } from '../../domain/webhook-owners';
import type { WebhookView } from '../../projections/webhook-view';
import { DeleteWebhookCommand } from './delete-webhook.command';

/** 200 with the webhook DELETED (version + 1); deleting it again is the 404 of a missing one. */
@ApiController('v1/webhooks', 'webhooks')
export class DeleteWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @HttpCode(200)
  @Roles(...WEBHOOK_ROLES)
  delete(@UuidParam() id: string, @CurrentPrincipal() by: Principal, @CurrentContext() context: CommandContext): Promise<WebhookView> {
    return this.commands.execute(new DeleteWebhookCommand({ webhookId: id, by }, context));
  }
}
