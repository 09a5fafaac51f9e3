import type { CeClassV1, DataStorageV1, DeviceProductV1, IndicationCode } from '@app/contracts';

/** Vocabularies of API.md "Device certification"; indications and connectivity are shared (contracts). */
export { CONNECTIVITIES, INDICATION_CODES, type Connectivity, type IndicationCode } from '@app/contracts';

export const CE_CLASSES = ['I', 'IIa', 'IIb', 'III'] as const satisfies readonly CeClassV1[];
export type CeClass = (typeof CE_CLASSES)[number];

export const DATA_STORAGES = ['HDS_CLOUD', 'ON_DEVICE', 'PATIENT_CONTROLLED'] as const satisfies readonly DataStorageV1[];
export type DataStorage = (typeof DATA_STORAGES)[number];

export const DEVICE_STATUSES = ['DRAFT', 'SUBMITTED', 'CERTIFIED', 'REJECTED', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** What the vendor declares about its product: the evidence the evaluator certifies (as published). */
export type DeviceProductData = DeviceProductV1;

/** The exploitant is paid the technical fee (DOMAIN.md); a product that names none is operated by its manufacturer. */
export const withDefaultExploitant = (product: DeviceProductData): DeviceProductData => ({
  ...product,
  exploitant: product.exploitant ?? { ...product.manufacturer },
});

/** The certification in force (or last in force) and who decided it. */
export interface Certification {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  evaluatorOrg: string;
}
