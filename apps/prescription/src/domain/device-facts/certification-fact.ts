import type { DeviceCertificationEventsV1 } from '@app/contracts';
import type { Connectivity, IndicationCode } from '../vocabulary';

/** The certification events this service keeps about a device (shapes of device-certification.events.v1). */
export const CERTIFICATION_FACT_TYPES = [
  'DeviceCertified',
  'DeviceRecertified',
  'DeviceSuspended',
  'DeviceReinstated',
  'DeviceRevoked',
  'DeviceCertificationExpired',
] as const satisfies ReadonlyArray<keyof DeviceCertificationEventsV1>;
export type CertificationFactType = (typeof CERTIFICATION_FACT_TYPES)[number];

export interface CertificationTerms {
  validFrom: string;
  validUntil: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  udiDi: string;
  lppCode: string;
}

/** One dated fact of a device's certification history, with where it came from. */
export interface CertificationFact {
  eventId: string;
  type: CertificationFactType;
  /** The device stream's version: orders the facts of one device. */
  version: number;
  occurredAt: string;
  /** Terms, for DeviceCertified and DeviceRecertified. */
  terms?: CertificationTerms;
}

export type CertificationStatus = 'CERTIFIED' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';

/** What the rules rely on: the device's certification as it stood at an instant. */
export interface DeviceFacts {
  deviceId: string;
  status: CertificationStatus;
  validUntil: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  udiDi: string;
  lppCode: string;
  /** The last event taken into account. */
  position: { eventId: string; version: number; occurredAt: string };
}
