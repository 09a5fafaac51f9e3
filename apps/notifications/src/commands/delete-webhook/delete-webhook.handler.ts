import { stepActorOf } from '@app/auth';
import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WebhookErrors } from '../../domain/webhook.errors';
import type { WebhookView } from '../../projections/webhook-view';
import { WebhookAggregate } from '../webhook.aggregate';
import { DeleteWebhookCommand } from './delete-webhook.command';

/**
 * An org's user deletes one of its webhooks: WebhookDeleted, audited. Its
 * deliveries still PENDING are not POSTed again: their job finds it deleted
 * and ends them FAILED. Another org's, a missing or a deleted webhook: 404.
 */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, WebhookView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly webhook: WebhookAggregate,
  ) {}

  execute({ input: { webhookId, by }, context }: DeleteWebhookCommand): Promise<WebhookView> {
    if (!by.org) throw WebhookErrors.notFound(webhookId);
    const command = { type: 'DeleteWebhook' as const, webhookId, org: by.org, now: context.now, by: stepActorOf(by) };
    return this.pipeline.run(this.webhook, { streamId: webhookId, command, context });
  }
}
