import type { Principal } from '@app/auth';
import type { NotificationType } from '@app/contracts';
import { UseCaseCommand } from '@app/event-sourcing';
import type { WebhookView } from '../../projections/webhook-view';

export class RegisterWebhookCommand extends UseCaseCommand<
  { url: string; events: NotificationType[]; secret: string; by: Principal },
  WebhookView
> {}
