import { type ChainedAuditEntry, type Ed25519SigningKey, sealAndHashEntry } from '@app/audit';
import { AUDIT_ENTRIES_V1, type AuditEntry, type AuditEntryRecordedV1, type EventEnvelope } from '@app/contracts';
import type { AuditDisclosureRow } from '../store/event-store.types';
import type { AuditDraft } from './audit-draft';
import type { CommandContext } from '../command/command-context';
import { separateDisclosures } from './disclosed-evidence';

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

/** A sealed, chained entry and the texts it commits to, kept beside it for disclosure. */
export interface BuiltAuditEntry {
  audit: ChainedAuditEntry;
  disclosures: AuditDisclosureRow[];
}

/**
 * Fills the runner-owned fields, seals the entry under the service's key and
 * links it to its chain (the chain hash covers the seal). The entry is built
 * field by field: exactly the fields of API.md, and an absent `rulesVersion`
 * is absent (not undefined), so the stored JSON and the signed and hashed
 * canonical form hold the same fields. `evidence` must be plain JSON data,
 * but for the texts marked `disclosable(...)`: the entry holds their
 * commitments only, and their ciphertexts become disclosure rows (never the
 * ciphertext nor the text in the entry).
 */
export function buildAuditEntry({ draft, id, prevHash, streamVersion, service, signingKey, context }: AuditEntryInput): BuiltAuditEntry {
  const { evidence, disclosures } = separateDisclosures(draft.evidence);
  const unsealed: Omit<AuditEntry, 'seal'> = {
    id,
    occurredAt: context.now.toISOString(),
    actor: draft.actor,
    action: draft.action,
    subject: draft.subject,
    relatedSubjects: draft.relatedSubjects,
    decision: draft.decision,
    evidence,
    correlationId: context.correlationId,
    service,
    streamVersion,
    prevHash,
  };
  if (draft.rulesVersion !== undefined) unsealed.rulesVersion = draft.rulesVersion;
  return { audit: sealAndHashEntry(unsealed, signingKey), disclosures };
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
