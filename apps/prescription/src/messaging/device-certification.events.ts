import type { Connectivity, IndicationCode } from '../domain/vocabulary';

/**
 * The parts of device-certification.events.v1 this service reads, declared
 * here (services share topics, not code). Envelopes' `streamId` is the device id.
 */
export type DeviceCertificationGranted = {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  udiDi: string;
};

export const GRANTING_EVENTS = ['DeviceCertified', 'DeviceRecertified'] as const;
export const STATUS_EVENTS = ['DeviceSuspended', 'DeviceReinstated', 'DeviceRevoked', 'DeviceCertificationExpired'] as const;
