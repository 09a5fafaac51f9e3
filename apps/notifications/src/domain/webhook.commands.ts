import type { NotificationType, StepActorV1 } from '@app/contracts';

/**
 * An organisation registers a webhook, or deletes one of its own. The org
 * comes from the caller's token, the time and the id with the command, so
 * the decider stays pure. The secret is not here: it is sealed and stored
 * beside the read model, never decided on nor published.
 */
export type WebhookCommand =
  | { type: 'RegisterWebhook'; webhookId: string; org: string; url: string; events: NotificationType[]; now: Date; by: StepActorV1 }
  | { type: 'DeleteWebhook'; webhookId: string; org: string; now: Date; by: StepActorV1 };
