import { NOTIFICATIONS_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { webhookAuditDraft } from '../domain/webhook.audit';
import type { WebhookCommand } from '../domain/webhook.commands';
import { webhookDecider } from '../domain/webhook.decider';
import { WebhookErrors } from '../domain/webhook.errors';
import type { WebhookEvent } from '../domain/webhook.events';
import type { WebhookState } from '../domain/webhook.state';
import { WebhookReadModel } from '../projections/webhook-read-model.projection';
import type { WebhookView } from '../projections/webhook-view';
import { WebhooksRepository } from '../projections/webhooks.repository';

/** The Webhook aggregate as the command pipeline runs it: one stream per webhook (its id). */
@Injectable()
export class WebhookAggregate implements Aggregate<WebhookState, WebhookCommand, WebhookEvent, WebhookView> {
  readonly streamType = 'webhook';
  readonly contract = NOTIFICATIONS_EVENTS_V1;
  readonly decider = webhookDecider;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly readModel: WebhookReadModel,
  ) {}

  /** A deletion names an id: one that is no webhook of the caller's org (a notification's stream included) is not found, before any stream is read. */
  async admit(tx: Transaction, { streamId, command }: CommandRequest<WebhookCommand>): Promise<void> {
    if (command.type !== 'DeleteWebhook') return;
    if (!(await this.webhooks.view(streamId, command.org, tx))) throw WebhookErrors.notFound(streamId);
  }

  audit({ events, state, context }: CommandStep<WebhookState, WebhookEvent>) {
    return webhookAuditDraft(events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<WebhookState, WebhookEvent>): Promise<WebhookView> {
    return this.readModel.apply(tx, step);
  }
}
