import type { CertificationGrantedV1, DeviceCertificationEventV1 } from '@app/contracts';

/**
 * Events of the DeviceProduct stream: exactly what device-certification.events.v1
 * publishes (libs/contracts), stored and published under these explicit type
 * names (never class names): renaming a type is a new type.
 */
export type DeviceEvent = DeviceCertificationEventV1;
export type CertificationGranted = CertificationGrantedV1;
export type DeviceEventType = DeviceEvent['type'];
