import { foldEvents } from '@app/event-sourcing/decider/decider';
import { deciderSpecification } from '@app/testing/decider-specification';
import { webhookAuditDraft } from './webhook.audit';
import { webhookDecider } from './webhook.decider';
import { deleted, LATER, NOW, OPERATOR, ORG, register, registered, remove, HOOK_URL, WEBHOOK_ID } from './webhook.fixtures';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(webhookDecider);

describe('webhook decider', () => {
  it('registers a webhook of the org, for the types it names, by whom and when', () =>
    given([]).when(register()).then([registered()]));

  it('changes nothing when the stream exists already', () => given([registered()]).when(register({ url: 'https://elsewhere.example/' })).thenNothing());

  it('deletes an active webhook of the org, by whom and when', () =>
    given([registered()]).when(remove()).then([{ type: 'WebhookDeleted', data: { deletedAt: LATER.toISOString(), deletedBy: OPERATOR } }]));

  it("finds no webhook of another org: 404, as a missing one", () => {
    given([registered()]).when(remove({ org: 'TLSM-OPERATOR-B' })).thenThrows('WEBHOOK.NOT_FOUND', 'not_found');
    given([]).when(remove()).thenThrows('WEBHOOK.NOT_FOUND', 'not_found');
  });

  it('finds a deleted webhook gone: deleting it again is a 404', () =>
    given([registered(), deleted()]).when(remove()).thenThrows('WEBHOOK.NOT_FOUND', 'not_found'));

  it('folds to DELETED, keeping what was registered', () => {
    expect(foldEvents(webhookDecider, [registered(), deleted()])).toMatchObject({ status: 'DELETED', webhook: { url: HOOK_URL }, deletedAt: LATER.toISOString() });
  });
});

describe('the audit entries of a webhook', () => {
  const actor = { id: 'operator-user', role: 'operator' as const };

  it('audits the registration on webhook:<id> with the org, the HOOK_URL and the types, never a secret', () => {
    const state = foldEvents(webhookDecider, [registered()]);
    expect(webhookAuditDraft([registered()], state, actor)).toEqual({
      actor,
      action: 'webhook.registered',
      subject: `webhook:${WEBHOOK_ID}`,
      relatedSubjects: [],
      decision: 'REGISTERED',
      evidence: { org: ORG, url: HOOK_URL, events: ['INCIDENT_OPENED', 'CLAIM_PAID'] },
    });
  });

  it('audits the deletion alike', () => {
    const state = foldEvents(webhookDecider, [registered(), deleted()]);
    expect(webhookAuditDraft([deleted()], state, actor)).toMatchObject({
      action: 'webhook.deleted',
      decision: 'DELETED',
      subject: `webhook:${WEBHOOK_ID}`,
      evidence: { org: ORG, url: HOOK_URL, events: ['INCIDENT_OPENED', 'CLAIM_PAID'] },
    });
  });

  it('writes nothing for a step that decided nothing', () => {
    expect(webhookAuditDraft([], foldEvents(webhookDecider, [registered()]), actor)).toBeNull();
  });

  it('registers at the time of the command', () => expect(registered().data).toMatchObject({ registeredAt: NOW.toISOString() }));
});
