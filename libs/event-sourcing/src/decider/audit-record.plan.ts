import type { ChainedAuditEntry, Ed25519SigningKey } from '@app/audit';
import { TOPICS } from '@app/contracts';
import type { AppendRequest, StreamState } from '../store/event-store.types';
import type { AuditDraft } from './audit-draft';
import { auditEnvelope, buildAuditEntry } from './audit-entry.builder';
import type { CommandContext } from '../command/command-context';
import { outboxMessage } from './envelope.builder';

export interface AuditRecordInput {
  stream: StreamState;
  streamId: string;
  streamType: string;
  draft: AuditDraft;
  context: CommandContext;
  service: string;
  /** The service's key that seals its audit entries. */
  signingKey: Ed25519SigningKey;
  newId: () => string;
}

/**
 * An audit entry with no event: a refusal that matters for liability (a
 * prescription blocked by a rule) leaves a chained, published trace without
 * changing any aggregate. The stream keeps its version.
 */
export function planAuditRecord(input: AuditRecordInput): { auditEntry: ChainedAuditEntry; append: Omit<AppendRequest, 'manager'> } {
  const { stream, context } = input;
  const { audit: auditEntry, disclosures } = buildAuditEntry({
    draft: input.draft,
    id: input.newId(),
    prevHash: stream.auditHeadHash,
    streamVersion: stream.position,
    service: input.service,
    signingKey: input.signingKey,
    context,
  });
  const target = { id: input.streamId, type: input.streamType };
  return {
    auditEntry,
    append: {
      streamId: input.streamId,
      streamType: input.streamType,
      expectedVersion: stream.position,
      events: [],
      auditEntry,
      disclosures,
      outbox: [outboxMessage(TOPICS.auditEntries, auditEnvelope(auditEntry, target, context))],
    },
  };
}
