import type { StepActorV1 } from '@app/contracts';
import type { WebhookCommand } from './webhook.commands';
import type { WebhookEvent, WebhookRegistered } from './webhook.events';

export const WEBHOOK_ID = '0193a000-0000-7000-8000-0000000000e1';
export const ORG = 'TLSM-OPERATOR-A';
export const HOOK_URL = 'https://hooks.operator-a.example/notifications';
export const NOW = new Date('2026-11-30T08:00:00.000Z');
export const LATER = new Date('2026-12-01T09:30:00.000Z');
export const OPERATOR: StepActorV1 = { role: 'operator', id: 'operator-user', org: ORG };

export const register = (overrides: Partial<Extract<WebhookCommand, { type: 'RegisterWebhook' }>> = {}): WebhookCommand => ({
  type: 'RegisterWebhook',
  webhookId: WEBHOOK_ID,
  org: ORG,
  url: HOOK_URL,
  events: ['INCIDENT_OPENED', 'CLAIM_PAID'],
  now: NOW,
  by: OPERATOR,
  ...overrides,
});

export const remove = (overrides: Partial<Extract<WebhookCommand, { type: 'DeleteWebhook' }>> = {}): WebhookCommand => ({
  type: 'DeleteWebhook',
  webhookId: WEBHOOK_ID,
  org: ORG,
  now: LATER,
  by: OPERATOR,
  ...overrides,
});

export const registered = (overrides: Partial<WebhookRegistered> = {}): WebhookEvent => ({
  type: 'WebhookRegistered',
  data: {
    webhookId: WEBHOOK_ID,
    org: ORG,
    url: HOOK_URL,
    events: ['INCIDENT_OPENED', 'CLAIM_PAID'],
    registeredAt: NOW.toISOString(),
    registeredBy: OPERATOR,
    ...overrides,
  },
});

export const deleted = (): WebhookEvent => ({ type: 'WebhookDeleted', data: { deletedAt: LATER.toISOString(), deletedBy: OPERATOR } });
