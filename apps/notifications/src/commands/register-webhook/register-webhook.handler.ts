import { stepActorOf } from '@app/auth';
import { CommandPipeline } from '@app/event-sourcing';
import { invalidRequest, PLATFORM_CONFIG } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { webhookUrlProblem } from '../../domain/webhook-url';
import type { NotificationsConfig } from '../../notifications.config';
import type { WebhookView } from '../../projections/webhook-view';
import { WebhooksRepository } from '../../projections/webhooks.repository';
import { webhookUrlPolicyOf } from '../../webhooks/webhook-settings';
import { WebhookSecrets } from '../../webhooks/webhook-secrets';
import { WebhookAggregate } from '../webhook.aggregate';
import { RegisterWebhookCommand } from './register-webhook.command';

/**
 * An org's user registers a webhook: the URL is checked for where the
 * service runs (https and no loopback or private address outside
 * development), the secret sealed under the service's text key, and in ONE
 * transaction WebhookRegistered is appended (audited, published without the
 * secret), the read model written and the sealed secret kept beside it.
 */
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, WebhookView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly webhook: WebhookAggregate,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  execute({ input: { url, events, secret, by }, context }: RegisterWebhookCommand): Promise<WebhookView> {
    const problem = webhookUrlProblem(url, webhookUrlPolicyOf(this.config));
    if (problem) throw invalidRequest([{ field: 'url', code: 'WEBHOOK_URL', message: `url ${problem}` }]);
    if (!by.org) throw new Error(`a ${by.role} token without org reached POST /v1/webhooks`);
    const webhookId = uuidv7();
    const sealed = this.secrets.seal(webhookId, secret);
    const command = { type: 'RegisterWebhook' as const, webhookId, org: by.org, url, events, now: context.now, by: stepActorOf(by) };
    return this.pipeline.transaction(async (unit) => {
      const view = await unit.execute(this.webhook, { streamId: webhookId, command, context });
      await this.webhooks.keepSecret(unit.tx, webhookId, sealed);
      return view;
    });
  }
}
