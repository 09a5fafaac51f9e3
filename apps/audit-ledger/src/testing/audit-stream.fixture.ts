import {
  GENESIS_HASH,
  generateSigningKeyPem,
  signingKeyFromPem,
  type ChainedAuditEntry,
  type Ed25519SigningKey,
  type Signer,
} from '@app/audit';
import type { Actor, SubjectRef } from '@app/contracts';
import { auditEnvelope, buildAuditEntry, type AuditDraft } from '@app/event-sourcing';
import { produceMessages, testSigningKey } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';

/**
 * A stream's audit chain exactly as the services' runner seals and publishes
 * it (buildAuditEntry + auditEnvelope), under the service's test key (or the
 * key given), so the ledger is tested with real entries while the other
 * services are being written.
 */
export class AuditStream {
  readonly id = uuidv7();
  private prevHash = GENESIS_HASH;
  private version = 0;
  readonly sealed: ChainedAuditEntry[] = [];

  constructor(
    readonly service: string,
    readonly type: string,
    readonly signingKey: Ed25519SigningKey = testSigningKey(service).signingKey,
  ) {}

  record(draft: AuditDraft, at: Date = new Date()): ChainedAuditEntry {
    this.version += 1;
    const context = { actor: draft.actor, correlationId: uuidv7(), causationId: null, now: at };
    const { audit: sealed } = buildAuditEntry({
      draft,
      id: uuidv7(),
      prevHash: this.prevHash,
      streamVersion: this.version,
      service: this.service,
      signingKey: this.signingKey,
      context,
    });
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

/** A fresh key of a service and its line of the signer registry (a key rotated in, or one the registry does not know). */
export function serviceSigner(service: string): { key: Ed25519SigningKey; signer: Signer } {
  const pair = generateSigningKeyPem();
  return { key: signingKeyFromPem(pair.privateKeyPem), signer: { service, keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: '2020-01-01T00:00:00.000Z' } };
}
