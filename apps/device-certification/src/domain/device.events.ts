import type { Connectivity, CeClass, DeviceProductData, IndicationCode } from './device-product';

/**
 * Events of the DeviceProduct stream, stored and published under these
 * explicit type names (never class names): renaming a type is a new type.
 */
export type CertificationGranted = {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  ceClass: CeClass;
  udiDi: string;
  manufacturerSiret: string;
  evaluatorOrg: string;
  notes?: string;
};

export type DeviceEvent =
  | { type: 'DeviceRegistered'; data: { deviceId: string; product: DeviceProductData } }
  | { type: 'DeviceUpdated'; data: { product: DeviceProductData; reopenedFromRejection: boolean } }
  | { type: 'DeviceSubmitted'; data: { submittedAt: string } }
  | { type: 'DeviceCertified'; data: CertificationGranted }
  | { type: 'DeviceRecertified'; data: CertificationGranted & { previousValidUntil: string } }
  | { type: 'DeviceRejected'; data: { reasons: string[]; evaluatorOrg: string } }
  | { type: 'DeviceSuspended'; data: { reason: string; evaluatorOrg: string } }
  | { type: 'DeviceReinstated'; data: { reason: string; evaluatorOrg: string } }
  | { type: 'DeviceRevoked'; data: { reason: string; evaluatorOrg: string } }
  | { type: 'DeviceCertificationExpired'; data: { validUntil: string; expiredAt: string } };

export type DeviceEventType = DeviceEvent['type'];
