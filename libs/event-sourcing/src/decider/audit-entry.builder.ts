import { type ChainedAuditEntry, hashAuditEntry } from '@app/audit';
import { AUDIT_ENTRIES_V1, type AuditEntry, type AuditEntryRecordedV1, type EventEnvelope } from '@app/contracts';
import type { AuditDraft } from './audit-draft';
import type { CommandContext } from '../command/command-context';

export interface AuditEntrySeal {
  draft: AuditDraft;
  id: string;
  prevHash: string;
  streamVersion: number;
  service: string;
  context: CommandContext;
}

/**
 * Fills the runner-owned fields and links the entry to its chain, hashing it
 * once (canonicalisation is the costliest part of an append on the Node side).
 * The entry is built field by field: exactly the fields of API.md, and an
 * absent `rulesVersion` is absent (not undefined), so the stored JSON and the
 * hashed canonical form hold the same fields. `evidence` must be plain JSON data.
 */
export function sealAuditEntry({ draft, id, prevHash, streamVersion, service, context }: AuditEntrySeal): ChainedAuditEntry {
  const entry: AuditEntry = {
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
  if (draft.rulesVersion !== undefined) entry.rulesVersion = draft.rulesVersion;
  return { entry, hash: hashAuditEntry(entry) };
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
