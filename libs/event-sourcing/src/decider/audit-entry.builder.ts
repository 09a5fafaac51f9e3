import { type ChainedAuditEntry, type Ed25519SigningKey, sealAndHashEntry } from '@app/audit';
import { AUDIT_ENTRIES_V1, type AuditEntry, type AuditEntryRecordedV1, type EventEnvelope } from '@app/contracts';
import type { AuditDraft } from './audit-draft';
import type { CommandContext } from '../command/command-context';

export interface AuditEntryInput {
  draft: AuditDraft;
  id: string;
  prevHash: string;
  streamVersion: number;
  service: string;
  /** The writing service's own key: the seal says which service wrote the entry. */
  signingKey: Ed25519SigningKey;
  context: CommandContext;
}

/**
 * Fills the runner-owned fields, seals the entry under the service's key and
 * links it to its chain (the chain hash covers the seal). The entry is built
 * field by field: exactly the fields of API.md, and an absent `rulesVersion`
 * is absent (not undefined), so the stored JSON and the signed and hashed
 * canonical form hold the same fields. `evidence` must be plain JSON data.
 */
export function buildAuditEntry({ draft, id, prevHash, streamVersion, service, signingKey, context }: AuditEntryInput): ChainedAuditEntry {
  const unsealed: Omit<AuditEntry, 'seal'> = {
    id,
    occurredAt: context.now.toISOString(),
    actor: draft.actor,
    action: draft.action,
    subject: draft.subject,
    relatedSubjects: draft.relatedSubjects,
    decision: draft.decision,
    evidence: draft.evidence,
    correlationId: context.correlationId,
    service,
    streamVersion,
    prevHash,
  };
  if (draft.rulesVersion !== undefined) unsealed.rulesVersion = draft.rulesVersion;
  return sealAndHashEntry(unsealed, signingKey);
}

export function auditEnvelope(
  audit: ChainedAuditEntry,
  stream: { id: string; type: string },
  context: CommandContext,
): EventEnvelope<AuditEntryRecordedV1, 'AuditEntryRecorded'> {
  return {
    id: audit.entry.id,
    type: 'AuditEntryRecorded',
    schemaVersion: AUDIT_ENTRIES_V1.schemaVersions.AuditEntryRecorded,
    streamId: stream.id,
    streamType: stream.type,
    version: audit.entry.streamVersion,
    occurredAt: audit.entry.occurredAt,
    correlationId: audit.entry.correlationId,
    causationId: context.causationId,
    actor: audit.entry.actor,
    data: audit,
  };
}
