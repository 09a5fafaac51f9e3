import type { StepActorV1 } from '@app/contracts';
import type { WebhookEvent, WebhookRegistered } from './webhook.events';

export type WebhookState =
  | { status: 'NONE' }
  | { status: 'ACTIVE'; webhook: WebhookRegistered }
  | { status: 'DELETED'; webhook: WebhookRegistered; deletedAt: string; deletedBy: StepActorV1 };

export const initialWebhookState = (): WebhookState => ({ status: 'NONE' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'ACTIVE', webhook: event.data };
    case 'WebhookDeleted':
      return state.status === 'ACTIVE' ? { status: 'DELETED', webhook: state.webhook, ...event.data } : state;
    default:
      return state;
  }
}
