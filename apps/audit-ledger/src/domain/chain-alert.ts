import type { EventEnvelope } from '@app/contracts';
import type { ChainFinding } from './stream-link.check';

export const AUDIT_CHAIN_BROKEN = 'AuditChainBroken';

export interface AuditChainBrokenData extends ChainFinding {
  entryId: string;
  index: number;
}

/** The alert on `audit.alerts.v1`: ids and hashes only, never the entry's evidence. */
export function chainAlertEnvelope(
  alert: AuditChainBrokenData,
  context: { id: string; now: Date; correlationId: string },
): EventEnvelope<AuditChainBrokenData> {
  return {
    id: context.id,
    type: AUDIT_CHAIN_BROKEN,
    schemaVersion: 1,
    streamId: alert.streamId,
    streamType: 'AuditChain',
    version: alert.index,
    occurredAt: context.now.toISOString(),
    correlationId: context.correlationId,
    causationId: alert.entryId,
    actor: { id: 'audit-ledger', role: 'system' },
    data: alert,
  };
}
