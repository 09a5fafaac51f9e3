import {
  GENESIS_HASH,
  generateSigningKeyPem,
  hashAuditEntry,
  sealEntry,
  signingKeyFromPem,
  type ChainedAuditEntry,
  type Ed25519SigningKey,
  type Signer,
} from '@app/audit';
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
    /** When given, each entry is sealed with it before it is chained (as a sealing service does). */
    private readonly sealKey?: Ed25519SigningKey,
  ) {}

  record(draft: AuditDraft, at: Date = new Date()): ChainedAuditEntry {
    this.version += 1;
    const context = { actor: draft.actor, correlationId: uuidv7(), causationId: null, now: at };
    const chained = sealAuditEntry({ draft, id: uuidv7(), prevHash: this.prevHash, streamVersion: this.version, service: this.service, context });
    const sealed = this.sealKey ? this.withSeal(chained.entry, this.sealKey) : chained;
    this.prevHash = sealed.hash;
    this.sealed.push(sealed);
    return sealed;
  }

  private withSeal(entry: ChainedAuditEntry['entry'], key: Ed25519SigningKey): ChainedAuditEntry {
    const sealedEntry = sealEntry(entry, key);
    return { entry: sealedEntry, hash: hashAuditEntry(sealedEntry) };
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

/** A service's signing key and its line of the signer registry, valid from long before any test entry. */
export function serviceSigner(service: string): { key: Ed25519SigningKey; signer: Signer } {
  const pair = generateSigningKeyPem();
  return { key: signingKeyFromPem(pair.privateKeyPem), signer: { service, keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: '2020-01-01T00:00:00.000Z' } };
}
