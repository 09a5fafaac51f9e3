import type { PrescriptionEventV1, PrescriptionIssuedV1 } from '@app/contracts';

/**
 * What an issued prescription is, and what it was decided on: exactly what
 * prescription.events.v1 publishes (libs/contracts). The patient is a
 * pseudonym plus an encrypted identity: no NIR or birth date in clear ever
 * leaves the service.
 */
export type PrescriptionIssuedData = PrescriptionIssuedV1;

/** Events of the Prescription stream, under explicit, rename-proof type names. */
export type PrescriptionEvent = PrescriptionEventV1;

export type PrescriptionEventType = PrescriptionEvent['type'];
