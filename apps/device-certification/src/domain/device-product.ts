import type { Connectivity, IndicationCode } from '@app/contracts';

/** Vocabularies of API.md "Device certification"; indications and connectivity are shared (contracts). */
export { CONNECTIVITIES, INDICATION_CODES, type Connectivity, type IndicationCode } from '@app/contracts';

export const CE_CLASSES = ['I', 'IIa', 'IIb', 'III'] as const;
export type CeClass = (typeof CE_CLASSES)[number];

export const DATA_STORAGES = ['HDS_CLOUD', 'ON_DEVICE', 'PATIENT_CONTROLLED'] as const;
export type DataStorage = (typeof DATA_STORAGES)[number];

export const DEVICE_STATUSES = ['DRAFT', 'SUBMITTED', 'CERTIFIED', 'REJECTED', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** What the vendor declares about its product: the evidence the evaluator certifies. */
export interface DeviceProductData {
  name: string;
  model: string;
  udiDi: string;
  manufacturer: { siret: string; name: string };
  ceClass: CeClass;
  notifiedBodyCertificate?: string;
  indications: IndicationCode[];
  connectivity: Connectivity[];
  dataHosting: { storage: DataStorage; hdsCertificateId?: string };
  security: { etsiEn303645: boolean; penTestReportRef?: string };
  fhirProfiles?: string[];
}

/** The certification in force (or last in force) and who decided it. */
export interface Certification {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  evaluatorOrg: string;
}
