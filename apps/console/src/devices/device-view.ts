import type { CeClassV1, Connectivity, DataStorageV1, DeviceProductV1, IndicationCode } from '@app/contracts';

/** The vocabularies of API.md "Device certification", as the published contract types them. */
export type { CeClassV1 as CeClass, Connectivity, DataStorageV1 as DataStorage, IndicationCode };
export type DeviceProduct = DeviceProductV1;

// Records keyed by the contract's unions: a code added to libs/contracts fails the type check here until it has its place on screen.
const INDICATION_SET: Record<IndicationCode, true> = {
  HEART_FAILURE: true,
  CHRONIC_RESPIRATORY_FAILURE: true,
  CHRONIC_KIDNEY_FAILURE: true,
  DIABETES: true,
  IMPLANTED_CARDIAC_DEVICE: true,
};
const CONNECTIVITY_SET: Record<Connectivity, true> = { LPWAN: true, CELLULAR_4G: true, CELLULAR_5G: true, BLE_GATEWAY: true, WIFI: true, WIRED: true };
const CE_CLASS_SET: Record<CeClassV1, true> = { I: true, IIa: true, IIb: true, III: true };
const STORAGE_SET: Record<DataStorageV1, true> = { HDS_CLOUD: true, ON_DEVICE: true, PATIENT_CONTROLLED: true };

/** API.md's device statuses, in the order of a product's life. */
export const DEVICE_STATUSES = ['DRAFT', 'SUBMITTED', 'CERTIFIED', 'REJECTED', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;

export const INDICATIONS = Object.keys(INDICATION_SET) as IndicationCode[];
export const CONNECTIVITIES = Object.keys(CONNECTIVITY_SET) as Connectivity[];
export const CE_CLASSES = Object.keys(CE_CLASS_SET) as CeClassV1[];
export const DATA_STORAGES = Object.keys(STORAGE_SET) as DataStorageV1[];

/** The certification in force (or last in force), as the device resource carries it. */
export interface Certification {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  evaluatorOrg: string;
}

/** A device as `GET /v1/devices/:id` serves it: the vendor's declaration, its status and its certification. */
export type DeviceView = DeviceProduct & {
  id: string;
  status: string;
  version: number;
  certification: Certification | null;
  createdAt: string;
  updatedAt: string;
};

/** One event of `GET /v1/devices/:id/history`, its free texts (reasons, notes) in clear. */
export interface DeviceHistoryItem {
  type: string;
  version: number;
  occurredAt: string;
  actor: { id: string; role: string };
  data: Record<string, unknown>;
}

/** A vendor may change its declaration only before submission, or after a rejection (API.md `PUT /v1/devices/:id`). */
export const isEditable = (status: string): boolean => status === 'DRAFT' || status === 'REJECTED';
