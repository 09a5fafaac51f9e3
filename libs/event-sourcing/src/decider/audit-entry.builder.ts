import { type ChainedAuditEntry, hashAuditEntry } from '@app/audit';
import type { AuditEntry, EventEnvelope } from '@app/contracts';
import type { AuditDraft } from './audit-draft';
import type { CommandContext } from './command-context';

/** Type of the envelope that carries an audit entry on `audit.entries.v1`. */
export const AUDIT_ENTRY_RECORDED = 'AuditEntryRecorded';

/** `hash` is the entry's link in its stream's chain (the ledger computes its own leaf hash). */
export type AuditEntryRecordedData = ChainedAuditEntry;

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
): EventEnvelope<AuditEntryRecordedData> {
  return {
    id: audit.entry.id,
    type: AUDIT_ENTRY_RECORDED,
    schemaVersion: 1,
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
