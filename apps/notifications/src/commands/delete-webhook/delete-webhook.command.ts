import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { WebhookView } from '../../projections/webhook-view';

export class DeleteWebhookCommand extends UseCaseCommand<{ webhookId: string; by: Principal }, WebhookView> {}
