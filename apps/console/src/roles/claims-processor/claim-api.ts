import type { ApiClient, Paged } from '../../api/api-client';

export const CLAIM_STATUSES = ['SUBMITTED', 'CREATED', 'SUBMISSION_FAILED', 'APPROVED', 'REJECTED', 'PAID', 'CANCELLED'] as const;
export const LINE_KINDS = ['OPERATOR', 'TECHNICAL'] as const;

export type LineKind = (typeof LINE_KINDS)[number];

/** One flat fee of a claim (API.md "Claim"); `approvedCents` and `rejection` once decided line by line. */
export interface ClaimLine {
  kind: LineKind;
  code: string;
  payee: string;
  amountCents: number;
  amoShareCents?: number;
  approvedCents?: number;
  rejection?: { source: string; reasonCode: string };
}

/** API.md's claim, with the fields the service adds that these screens read (optional: not in the contract). */
export interface Claim {
  id: string;
  status: string;
  version: number;
  enrolmentId: string;
  prescriptionId: string;
  period: string;
  indication?: string;
  lines: ClaimLine[];
  billableDays: number;
  totalCents: number;
  approvedCents?: number;
  amoShareCents: number;
  patientShareCents: number;
  amoRatePercent?: number;
  tariffVersion: string;
  rejection?: { source: string; reasonCode: string; note?: string; rejectedAt?: string };
  payment?: { reference: string; paidAt: string; amountCents?: number };
  correctionOf?: string | null;
}

export interface ReasonCode {
  code: string;
  label: string;
}

/** One claim's part of a remittance: each line's AMO share paid. */
export interface RemittedClaim {
  claimId: string;
  period?: string;
  lines: Array<{ kind: string; code: string; amountCents: number }>;
  amountCents: number;
}

export interface Remittance {
  id: string;
  payee: string;
  paidAt: string;
  reference: string;
  totalCents: number;
  claims: RemittedClaim[];
}

export type AdjudicationBody =
  | { decision: 'APPROVE' }
  | { decision: 'REJECT'; reasonCode: string; note?: string }
  | { decision: 'PARTIAL'; lines: Array<{ kind: LineKind; decision: 'APPROVE' | 'REJECT'; reasonCode?: string }> };

/** Query keys: every write of these screens refreshes what is under `claims-processor`. */
export const CLAIMS_KEYS = {
  all: ['claims-processor'] as const,
  queue: (status: string, period: string) => ['claims-processor', 'queue', status, period] as const,
  claim: (id: string) => ['claims-processor', 'claim', id] as const,
  reasonCodes: ['claims-processor', 'reason-codes'] as const,
  remittances: (period: string) => ['claims-processor', 'remittances', period] as const,
  remittance: (id: string) => ['claims-processor', 'remittance', id] as const,
};

/** The claims calls of API.md, over the signed-in processor's client. */
export function claimApi(api: ApiClient) {
  return {
    list: (query: { status: string; period: string }, page: number, pageSize: number) => api.get<Paged<Claim>>('/v1/claims', { ...query, page, pageSize }),
    get: (id: string) => api.get<Claim>(`/v1/claims/${encodeURIComponent(id)}`),
    reasonCodes: () => api.get<{ items: ReasonCode[] }>('/v1/claims/reason-codes'),
    adjudicate: (id: string, body: AdjudicationBody) => api.post<Claim>(`/v1/claims/${encodeURIComponent(id)}/adjudication`, body),
    remittances: (period: string, page: number, pageSize: number) => api.get<Paged<Remittance>>('/v1/remittances', { period, page, pageSize }),
    remittance: (id: string) => api.get<Remittance>(`/v1/remittances/${encodeURIComponent(id)}`),
  };
}

export type ClaimApi = ReturnType<typeof claimApi>;

/** A `YYYY-MM` typed in a month field, or nothing (no filter) while it is incomplete. */
export const periodFilter = (value: string): string => (/^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : '');
