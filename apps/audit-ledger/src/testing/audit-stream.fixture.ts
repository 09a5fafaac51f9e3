import { GENESIS_HASH, type ChainedAuditEntry } from '@app/audit';
import type { Actor, SubjectRef } from '@app/contracts';
import { auditEnvelope, sealAuditEntry, type AuditDraft } from '@app/event-sourcing';
import { produceMessages } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';

/**
 * A stream's audit chain exactly as the services' runner seals and publishes
 * it (sealAuditEntry + auditEnvelope), so the ledger is tested with real
 * entries while the other services are being written.
 */
export class AuditStream {
  readonly id = uuidv7();
  private prevHash = GENESIS_HASH;
  private version = 0;
  readonly sealed: ChainedAuditEntry[] = [];

  constructor(
    readonly service: string,
    readonly type: string,
  ) {}

  record(draft: AuditDraft, at: Date = new Date()): ChainedAuditEntry {
    this.version += 1;
    const context = { actor: draft.actor, correlationId: uuidv7(), causationId: null, now: at };
    const sealed = sealAuditEntry({ draft, id: uuidv7(), prevHash: this.prevHash, streamVersion: this.version, service: this.service, context });
    this.prevHash = sealed.hash;
    this.sealed.push(sealed);
    return sealed;
  }

  envelope(sealed: ChainedAuditEntry) {
    return auditEnvelope(sealed, { id: this.id, type: this.type }, { actor: sealed.entry.actor, correlationId: sealed.entry.correlationId, causationId: null, now: new Date(sealed.entry.occurredAt) });
  }
}

export const draft = (
  actor: Actor,
  action: string,
  subject: SubjectRef,
  relatedSubjects: SubjectRef[] = [],
  decision = 'OK',
  evidence: Record<string, unknown> = {},
): AuditDraft => ({ actor, action, subject, relatedSubjects, decision, evidence });

/** Publishes envelopes to the topic, keyed by stream id as the outbox relay does. */
export async function publish(topic: string, streamId: string, envelopes: unknown[]): Promise<void> {
  await produceMessages(topic, envelopes.map((value) => ({ key: streamId, value: JSON.stringify(value) })));
}
