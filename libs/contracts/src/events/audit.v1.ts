import type { AuditEntry } from '../audit-entry';
import { TOPICS } from '../topics';
import { eventContract, type EventOf } from './event-contract';

/*
 * audit.entries.v1: every service's audit entries, each in the envelope of
 * the stream it belongs to (key and `streamId` = that stream's id, `version`
 * = the entry's streamVersion). audit.alerts.v1: what the ledger found wrong.
 */

/** An entry with its link in its stream's chain: `hash` = SHA-256 of the entry's RFC 8785 bytes. */
export type AuditEntryRecordedV1 = { entry: AuditEntry; hash: string };

export type AuditEntriesV1 = { AuditEntryRecorded: AuditEntryRecordedV1 };
export type AuditEntryEventV1 = EventOf<AuditEntriesV1>;

export const AUDIT_ENTRIES_V1 = eventContract<AuditEntriesV1>(TOPICS.auditEntries, { AuditEntryRecorded: 1 });

export type ChainBreakReasonV1 = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'STREAM_VERSION_REGRESSION';

/** A broken link of a stream's chain, found on arrival: ids and hashes only, never the entry's evidence. */
export type AuditChainBrokenV1 = {
  entryId: string;
  index: number;
  reason: ChainBreakReasonV1;
  streamId: string;
  claimedHash: string;
  computedHash: string;
  expectedPrevHash: string;
  actualPrevHash: string;
  previousIndex: number | null;
};

/**
 * Why the ledger refused a message of audit.entries.v1 (API.md "quarantine"):
 * its seal (SEAL_MISSING, SIGNER_UNKNOWN: no key of its service has that id,
 * SIGNER_NOT_VALID: the key was not valid at occurredAt, SEAL_INVALID), its
 * form (UNREADABLE: not a JSON envelope, MALFORMED_ENTRY: a field of API.md
 * missing or malformed) or its chain (the ChainBreakReasonV1 codes).
 */
export type QuarantineReasonV1 =
  | 'SEAL_MISSING'
  | 'SIGNER_UNKNOWN'
  | 'SIGNER_NOT_VALID'
  | 'SEAL_INVALID'
  | 'UNREADABLE'
  | 'MALFORMED_ENTRY'
  | ChainBreakReasonV1;

/**
 * A message the ledger did not append. Ids, hashes and codes only: the
 * claimed fields are the message's own (unverified) and never its evidence.
 */
export type AuditEntryQuarantinedV1 = {
  quarantineId: string;
  reason: QuarantineReasonV1;
  message: string;
  /** What the message claims, when it could be read that far. */
  entryId: string | null;
  service: string | null;
  streamId: string | null;
  topic: string;
  partition: number;
  offset: string;
  /** SHA-256 of the raw message value, lowercase hex, and its size. */
  rawSha256: string;
  rawSize: number;
  receivedAt: string;
};

export type AuditAlertsV1 = { AuditChainBroken: AuditChainBrokenV1; AuditEntryQuarantined: AuditEntryQuarantinedV1 };
export type AuditAlertEventV1 = EventOf<AuditAlertsV1>;

export const AUDIT_ALERTS_V1 = eventContract<AuditAlertsV1>(TOPICS.auditAlerts, { AuditChainBroken: 1, AuditEntryQuarantined: 1 });
