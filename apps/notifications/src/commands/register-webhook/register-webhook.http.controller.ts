import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, Create, CurrentContext } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { WEBHOOK_ROLES } from '../../domain/webhook-owners';
import type { WebhookView } from '../../projections/webhook-view';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookRequestDto } from './register-webhook.request.dto';

/** 201 with the webhook, never its secret; the org is the caller's (its token's `org`). */
@ApiController('v1/webhooks', 'webhooks')
export class RegisterWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Create()
  @Roles(...WEBHOOK_ROLES)
  register(
    @Body() { url, events, secret }: RegisterWebhookRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<WebhookView> {
    return this.commands.execute(new RegisterWebhookCommand({ url, events, secret, by }, context));
  }
}
