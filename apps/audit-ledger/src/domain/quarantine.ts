import { sha256Hex } from '@app/audit';
import { AUDIT_ALERTS_V1, type AuditEntryQuarantinedV1, type EventEnvelope, type QuarantineReasonV1 } from '@app/contracts';

/** Raw bytes kept with a quarantined message; beyond, only their SHA-256 and size (1 MB of junk must not fill the table). */
export const QUARANTINE_RAW_LIMIT = 64 * 1024;

export const AUDIT_ENTRY_QUARANTINED = 'AuditEntryQuarantined' satisfies keyof typeof AUDIT_ALERTS_V1.schemaVersions;

/** Where a message came from: the topic position names it even when nothing in it can be read. */
export interface MessagePlace {
  topic: string;
  partition: number;
  offset: string;
}

/** What the message claims about itself, when it could be read that far (unverified). */
export interface QuarantineClaims {
  entryId: string | null;
  service: string | null;
  streamId: string | null;
}

export interface QuarantineRecord extends AuditEntryQuarantinedV1 {
  /** Null when the message is larger than QUARANTINE_RAW_LIMIT. */
  raw: Uint8Array | null;
}

export function quarantineRecord(
  input: { id: string; reason: QuarantineReasonV1; message: string; raw: Uint8Array; claims: QuarantineClaims; place: MessagePlace; now: Date },
): QuarantineRecord {
  const { entryId, service, streamId } = input.claims;
  return {
    quarantineId: input.id,
    reason: input.reason,
    // A message is ours, but names what the entry claims: bounded so junk cannot make it huge.
    message: printable(input.message).slice(0, 500),
    entryId: entryId === null ? null : printable(entryId),
    service: service === null ? null : printable(service),
    streamId: streamId === null ? null : printable(streamId),
    ...input.place,
    rawSha256: sha256Hex(input.raw),
    rawSize: input.raw.length,
    receivedAt: input.now.toISOString(),
    raw: input.raw.length <= QUARANTINE_RAW_LIMIT ? input.raw : null,
  };
}

/** The alert on audit.alerts.v1: codes, ids and hashes, never the message's content. */
export function quarantineAlertEnvelope(
  record: QuarantineRecord,
): EventEnvelope<AuditEntryQuarantinedV1, typeof AUDIT_ENTRY_QUARANTINED> {
  const { raw: _raw, ...data } = record;
  return {
    id: record.quarantineId,
    type: AUDIT_ENTRY_QUARANTINED,
    schemaVersion: AUDIT_ALERTS_V1.schemaVersions.AuditEntryQuarantined,
    streamId: record.streamId ?? `quarantine:${record.topic}`,
    streamType: 'AuditQuarantine',
    version: 0,
    occurredAt: record.receivedAt,
    correlationId: record.quarantineId,
    causationId: record.entryId,
    actor: { id: 'audit-ledger', role: 'system' },
    data,
  };
}

/** The claims of a parsed value, each only if it is a short string (junk must not become a field). */
export function claimsOf(envelope: unknown): QuarantineClaims {
  const e = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<string, unknown>;
  const entry = ((e.data as Record<string, unknown> | undefined)?.entry ?? {}) as Record<string, unknown>;
  const short = (value: unknown): string | null => (typeof value === 'string' && value.length <= 200 ? value : null);
  return { entryId: short(entry.id), service: short(entry.service), streamId: short(e.streamId) };
}

/** Postgres text and jsonb refuse NUL, and control characters help no reader: a forger could otherwise make the quarantine itself fail. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}
