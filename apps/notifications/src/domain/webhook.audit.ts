import type { Actor, SubjectRef } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import type { WebhookEvent } from './webhook.events';
import type { WebhookState } from './webhook.state';
import { auditedUrl } from './webhook-url';

/** The audit subject of a webhook. */
export const webhookSubject = (id: string): SubjectRef => `webhook:${id}`;

/**
 * Where an organisation has its notifications sent is a disclosure of
 * platform data to the outside: each registration and deletion is audited
 * on `webhook:<id>` with who did it, the org, the URL and the types it
 * receives. Never the secret, nor the URL's query (the ledger is immutable
 * and readable by auditors); it names no prescription, so no dossier pulls it in.
 */
export function webhookAuditDraft(events: WebhookEvent[], state: WebhookState, actor: Actor): AuditDraft | null {
  if (state.status === 'NONE' || events.length === 0) return null;
  const { webhook } = state;
  const registered = events[0].type === 'WebhookRegistered';
  return {
    actor,
    action: registered ? 'webhook.registered' : 'webhook.deleted',
    subject: webhookSubject(webhook.webhookId),
    relatedSubjects: [],
    decision: registered ? 'REGISTERED' : 'DELETED',
    evidence: { org: webhook.org, url: auditedUrl(webhook.url), events: webhook.events },
  };
}
