import { PAGING_PARAMS, PATIENT_PARAM, statusParam, type FhirResourceCapability } from '@app/fhir';
import { DEVICE_REQUEST_STATUSES } from './device-request-status';

/** What `/fhir/R4/DeviceRequest` serves: one DeviceRequest per prescription, its id the prescription's. */
export const DEVICE_REQUEST_CAPABILITY: FhirResourceCapability = {
  type: 'DeviceRequest',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(DEVICE_REQUEST_STATUSES, 'The prescription status: active (ISSUED), revoked (CANCELLED), completed (EXPIRED)'),
    ...PAGING_PARAMS,
  ],
  documentation:
    'A prescription of a certified connected medical device: the product, the indication, the period, the prescriber by RPPS, ' +
    'the telemonitoring operator, and the HAS evaluation with its overrides. Visible as GET /v1/prescriptions shows it.',
};
