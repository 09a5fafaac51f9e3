import type { ApiClient, Paged } from '../../api/api-client';

/** The statuses of API.md's enrolment, those there is something to do about first. */
export const ENROLMENT_STATUSES = ['PENDING_CONSENT', 'PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export const INCIDENT_CAUSES = ['NETWORK_COVERAGE', 'DEVICE_FAULT', 'PATIENT', 'UNKNOWN'] as const;
export const CONNECTIVITIES = ['LPWAN', 'CELLULAR_4G', 'CELLULAR_5G', 'BLE_GATEWAY', 'WIFI', 'WIRED'] as const;
export const TRANSMISSION_KINDS = ['PERIODIC', 'ALERT'] as const;

export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export interface Consent {
  id: string;
  decision: 'GIVEN' | 'REFUSED';
  consentTextVersion: string;
  method: 'ELECTRONIC' | 'PAPER';
  signedAt: string;
  signedBy: 'PATIENT' | 'LEGAL_REPRESENTATIVE';
  representative?: { role: string };
  recordedBy?: { role: string; id: string };
  recordedAt?: string;
  withdrawnAt?: string;
}

/** A connectivity incident inside an enrolment (its id is `incidentId` there). */
export interface Incident {
  incidentId: string;
  startedAt: string;
  endedAt: string | null;
  cause: IncidentCause;
  responsibleParty: string;
  openedBy: 'system' | 'operator';
}

export interface ObservanceMonth {
  month: number;
  from: string;
  to: string;
  daysWithData: number;
  days: number;
}

/** API.md's enrolment, with the fields the service adds that these screens read (optional: not in the contract). */
export interface Enrolment {
  id: string;
  status: string;
  version: number;
  prescriptionId: string;
  prescriptionIds?: string[];
  deviceId: string;
  operatorOrg: string;
  indication?: string;
  monitoringMode?: string;
  patient?: { pseudonym: string };
  consent?: Consent;
  rights: { status: 'PENDING' | 'OPEN' | 'CLOSED' | 'UNAVAILABLE'; checkedAt?: string };
  device?: { serialNumber: string; udiDi: string };
  prescribedUdiDi?: string;
  activatedAt?: string;
  suspension?: { cause: string; since: string };
  endedAt?: string;
  endCause?: string;
  incidents: Incident[];
  startDate?: string;
  endDate?: string;
  lastTransmissionAt?: string;
  observance?: ObservanceMonth[];
}

export interface HistoryItem {
  type: string;
  version: number;
  occurredAt: string;
  actor?: { role?: string; id?: string };
  data: Record<string, unknown>;
}

export interface TransmissionItem {
  at: string;
  network: string;
  kind: string;
}

/** Query keys: every write of these screens refreshes what is under `operator`. */
export const OPERATOR_KEYS = {
  all: ['operator'] as const,
  list: (status: string) => ['operator', 'enrolments', status] as const,
  enrolment: (id: string) => ['operator', 'enrolment', id] as const,
  history: (id: string) => ['operator', 'enrolment', id, 'history'] as const,
};

/** The enrolment calls of API.md, over the signed-in operator's client. */
export function enrolmentApi(api: ApiClient) {
  const path = (id: string, action = '') => `/v1/enrolments/${encodeURIComponent(id)}${action}`;
  return {
    list: (status: string, page: number, pageSize: number) => api.get<Paged<Enrolment>>('/v1/enrolments', { status, page, pageSize }),
    get: (id: string) => api.get<Enrolment>(path(id)),
    history: (id: string) => api.get<{ items: HistoryItem[] }>(path(id, '/history')),
    consent: (id: string, body: Record<string, unknown>) => api.post<Enrolment>(path(id, '/consent'), body),
    rightsCheck: (id: string) => api.post<Enrolment>(path(id, '/rights-check')),
    assignDevice: (id: string, body: { serialNumber: string; udiDi: string }) => api.post<Enrolment>(path(id, '/device'), body),
    activate: (id: string, body: { activatedAt?: string }) => api.post<Enrolment>(path(id, '/activation'), body),
    transmissions: (id: string, items: TransmissionItem[]) => api.post<{ accepted: number; latestAt?: string }>(path(id, '/transmissions'), { items }),
    openIncident: (id: string, body: { startedAt: string; endedAt?: string; cause: string }) => api.post<Incident>(path(id, '/connectivity-incidents'), body),
    updateIncident: (id: string, incidentId: string, body: { endedAt?: string; cause?: string }) =>
      api.patch<Incident>(path(id, `/connectivity-incidents/${encodeURIComponent(incidentId)}`), body),
    suspend: (id: string, reason: string) => api.post<Enrolment>(path(id, '/suspension'), { reason }),
    resume: (id: string) => api.post<Enrolment>(path(id, '/resumption')),
    end: (id: string, reason: string) => api.post<Enrolment>(path(id, '/end'), { reason }),
  };
}

export type EnrolmentApi = ReturnType<typeof enrolmentApi>;
