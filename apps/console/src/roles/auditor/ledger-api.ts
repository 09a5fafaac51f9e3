import type { ApiClient, Paged } from '../../api/api-client';
import type { Signer } from '@app/audit/seal';
import type { AuditEntry, AuditEntryQuarantinedV1 } from '@app/contracts';
import type { LedgerPublicKey, SignedTreeHead } from '@app/audit/tree-head';

export type { Signer } from '@app/audit/seal';
export type { LedgerPublicKey, SignedTreeHead } from '@app/audit/tree-head';

/** An audit entry as API.md ("Audit ledger") serves it: the published type; its bytes are what the browser hashes and checks. */
export type LedgerEntry = AuditEntry;

/** One item of `GET /v1/ledger/entries?subject=`. */
export interface LedgerEntryView {
  index: number;
  entry: LedgerEntry;
  leafHash: string;
  /** Present only when the ledger found the entry's stream chain broken there. */
  chainFinding?: unknown;
}

/** `GET /v1/ledger/entries/:index/inclusion-proof?treeSize=`. */
export interface InclusionProofView {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  path: string[];
}

/** `GET /v1/ledger/consistency-proof?from=&to=`. */
export interface ConsistencyProofView {
  from: number;
  to: number;
  path: string[];
}

/** One item of `GET /v1/ledger/quarantine`: what the ledger refused, as raised on audit.alerts.v1, with the refused message itself (null past the ledger's size limit), which the browser re-checks. */
export type QuarantineItem = AuditEntryQuarantinedV1 & { rawBase64: string | null };

/** The largest page API.md allows: lookups that scan a list take as few round trips as they can. */
export const MAX_PAGE_SIZE = 200;

/** The ledger's reads (API.md "Audit ledger"), nothing more: every check of their answers runs in the browser. */
export function ledgerApi(api: ApiClient) {
  return {
    treeHead: () => api.get<SignedTreeHead>('/v1/ledger/tree-head'),
    publicKey: () => api.get<LedgerPublicKey>('/v1/ledger/public-key'),
    treeHeads: (page: number, pageSize: number) => api.get<Paged<SignedTreeHead>>('/v1/ledger/tree-heads', { page, pageSize }),
    consistencyProof: (from: number, to: number) => api.get<ConsistencyProofView>('/v1/ledger/consistency-proof', { from, to }),
    entries: (subject: string, page: number, pageSize: number) => api.get<Paged<LedgerEntryView>>('/v1/ledger/entries', { subject, page, pageSize }),
    inclusionProof: (index: number, treeSize: number) => api.get<InclusionProofView>(`/v1/ledger/entries/${index}/inclusion-proof`, { treeSize }),
    quarantine: (page: number, pageSize: number) => api.get<Paged<QuarantineItem>>('/v1/ledger/quarantine', { page, pageSize }),
    signers: () => api.get<{ items: Signer[] }>('/v1/ledger/signers'),
  };
}

export type LedgerApi = ReturnType<typeof ledgerApi>;
