import type { FhirEntryRecord } from '../store/fhir-entry.store';

/**
 * An appended ledger entry as the FHIR views map it: the entry as
 * `GET /v1/ledger/entries` serves it, its exact leaf bytes (the stored RFC
 * 8785 text) and when the ledger appended it (platform clock).
 */
export type LedgerFhirRow = FhirEntryRecord;

/**
 * An entry is written once and never changes: version 1, last changed when
 * the ledger appended it (what `_lastUpdated` filters on too). A Provenance's
 * proof is computed at each read against the newest signed tree head: its
 * freshness is that head's own `timestamp`, not the resource's.
 */
export const ledgerMeta = (row: LedgerFhirRow): { versionId: string; lastUpdated: string } => ({
  versionId: '1',
  lastUpdated: row.recordedAt.toISOString(),
});
