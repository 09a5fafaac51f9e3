import { AUDIT_ALERTS_V1, type AuditAlertsV1, type AuditChainBrokenV1, type EventEnvelope } from '@app/contracts';

export const AUDIT_CHAIN_BROKEN = 'AuditChainBroken' satisfies keyof AuditAlertsV1;

/** The alert on `audit.alerts.v1` (libs/contracts): ids and hashes only, never the entry's evidence. */
export function chainAlertEnvelope(
  alert: AuditChainBrokenV1,
  context: { id: string; now: Date; correlationId: string },
): EventEnvelope<AuditChainBrokenV1, typeof AUDIT_CHAIN_BROKEN> {
  return {
    id: context.id,
    type: AUDIT_CHAIN_BROKEN,
    schemaVersion: AUDIT_ALERTS_V1.schemaVersions.AuditChainBroken,
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
