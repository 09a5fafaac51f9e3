/** The fields of API.md's device that the lists show. */
export interface DeviceSummary {
  id: string;
  status: string;
  version: number;
  name: string;
  model: string;
  udiDi: string;
  ceClass: string;
  manufacturer: { siret: string; name: string };
  indications: string[];
  certification?: { validUntil?: string; lppCode?: string };
}

export const DEVICE_STATUSES = ['DRAFT', 'SUBMITTED', 'CERTIFIED', 'REJECTED', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
