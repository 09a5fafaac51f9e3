import { decideByType, type DecisionTable, type Decider } from '@app/event-sourcing/decider/decider';
import type { WebhookCommand } from './webhook.commands';
import { WebhookErrors } from './webhook.errors';
import type { WebhookEvent } from './webhook.events';
import { evolveWebhook, initialWebhookState, type WebhookState } from './webhook.state';

const deciders: DecisionTable<WebhookCommand, WebhookState, WebhookEvent> = {
  /** The id is new at every request (a replay with its Idempotency-Key gets the stored answer): a stream that exists changes nothing. */
  RegisterWebhook(command, state) {
    if (state.status !== 'NONE') return [];
    const { webhookId, org, url, events, now, by } = command;
    return [{ type: 'WebhookRegistered', data: { webhookId, org, url, events: [...events], registeredAt: now.toISOString(), registeredBy: by } }];
  },
  /**
   * Only its org deletes it, once. Another org's webhook, a missing one and
   * one deleted already are alike not found: a deleted webhook is gone from
   * the org's list, and DELETE asked twice ends in the same state.
   */
  DeleteWebhook(command, state) {
    if (state.status !== 'ACTIVE' || state.webhook.org !== command.org) throw WebhookErrors.notFound(command.webhookId);
    return [{ type: 'WebhookDeleted', data: { deletedAt: command.now.toISOString(), deletedBy: command.by } }];
  },
};

/** An organisation's webhook as a decider; what it decides is the webhook part of notifications.events.v1. */
export const webhookDecider = {
  initialState: initialWebhookState,
  evolve: evolveWebhook,
  decide: (command: WebhookCommand, state: WebhookState): WebhookEvent[] => decideByType(deciders, command, state),
} satisfies Decider<WebhookState, WebhookCommand, WebhookEvent>;
