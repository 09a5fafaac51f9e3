import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { WebhookEvent } from '../domain/webhook.events';
import type { WebhookState } from '../domain/webhook.state';
import type { WebhookView } from './webhook-view';
import { WebhooksRepository } from './webhooks.repository';

/** The webhooks' read model, written in the step's transaction: the answer and a GET right after show the step. */
@Injectable()
export class WebhookReadModel {
  constructor(private readonly webhooks: WebhooksRepository) {}

  async apply(tx: Transaction, { streamId, state, events, version }: CommandStep<WebhookState, WebhookEvent>): Promise<WebhookView> {
    if (state.status === 'NONE') throw new Error(`a step of webhook ${streamId} left no webhook`);
    const { webhook } = state;
    for (const event of events) {
      if (event.type === 'WebhookRegistered') {
        const { webhookId: id, org, url, events: types, registeredAt } = event.data;
        await this.webhooks.register(tx, { id, org, url, events: types, version, createdAt: new Date(registeredAt) });
      } else {
        await this.webhooks.markDeleted(tx, streamId, version, new Date(event.data.deletedAt));
      }
    }
    const view = await this.webhooks.view(streamId, webhook.org, tx);
    if (!view) throw new Error(`webhook ${streamId} has no row`);
    return view;
  }
}
