import { derivedId } from '@app/event-sourcing/ids/derived-id';

/**
 * The id of a serial assigned to an enrolment (its FHIR Device): one per
 * serial and enrolment, whatever the assignments of it, and the same for
 * every replica, redelivery and the migration that filled the table.
 */
export const enrolmentDeviceId = (enrolmentId: string, udiDi: string, serialNumber: string, firstAssignedAt: Date): string =>
  derivedId(`enrolment-device:${enrolmentId}:${udiDi}:${serialNumber}`, firstAssignedAt);
