import type { DeviceRequest } from '@medplum/fhirtypes';
import { PRESCRIPTION_STATUSES, type PrescriptionStatus } from '../../domain/vocabulary';

type RequestStatus = NonNullable<DeviceRequest['status']>;

/**
 * A prescription's status as FHIR's request-status (a required binding): an
 * ISSUED prescription is in force (active); a CANCELLED one was withdrawn by
 * its prescriber before its end (revoked); an EXPIRED one ran its course to
 * its end date (completed), which is not a failure, so not `revoked`.
 */
export const FHIR_STATUS_OF: Record<PrescriptionStatus, RequestStatus> = {
  ISSUED: 'active',
  CANCELLED: 'revoked',
  EXPIRED: 'completed',
};

/** The FHIR codes served, in the service's order: the search accepts exactly these. */
export const DEVICE_REQUEST_STATUSES: readonly RequestStatus[] = PRESCRIPTION_STATUSES.map((status) => FHIR_STATUS_OF[status]);

/** The service's statuses a search's FHIR codes stand for (every code was checked against DEVICE_REQUEST_STATUSES). */
export const prescriptionStatusesOf = (codes: readonly string[]): PrescriptionStatus[] =>
  PRESCRIPTION_STATUSES.filter((status) => codes.includes(FHIR_STATUS_OF[status]));
