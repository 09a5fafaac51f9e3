import { type FhirResourceCapability, PAGING_PARAMS, statusParam } from '@app/fhir';
import { DEVICE_STATUSES } from '../../domain/device-product';

/**
 * `DeviceDefinition`: read and search. R4 gives it no status and no patient:
 * `status` filters on the certification status its extension carries (the
 * API's statuses, as they are), and there is no `patient`.
 */
export const DEVICE_DEFINITION_CAPABILITY: FhirResourceCapability = {
  type: 'DeviceDefinition',
  interactions: ['read', 'search-type'],
  searchParams: [statusParam(DEVICE_STATUSES, 'The certification status'), ...PAGING_PARAMS],
  documentation:
    'A product of the catalogue of certified connected medical devices (id = the device id of /v1/devices): UDI-DI, manufacturer, ' +
    'model, CE marking, declared and certified indications, LPP code. Certified, suspended, expired and revoked products are ' +
    "visible to every authenticated user; drafts, submitted and rejected ones only to their vendor and to evaluators.",
};
