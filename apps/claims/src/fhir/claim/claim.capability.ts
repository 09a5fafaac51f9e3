import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM, statusParam } from '@app/fhir';
import { CLAIM_STATUS_OF_FHIR } from './claim.resource';

/** `Claim`: read and search, by patient, FHIR status (a cancelled claim, or any other) and last change. */
export const CLAIM_CAPABILITY: FhirResourceCapability = {
  type: 'Claim',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(Object.keys(CLAIM_STATUS_OF_FHIR), 'The claim in force (active) or cancelled'),
    ...PAGING_PARAMS,
  ],
  documentation:
    'A month of remote monitoring billed to the Assurance Maladie, one item per flat line (operator fee, technical fee). ' +
    'Claims processors and admins see every claim, a physician those of their prescriptions, an operator or vendor those paying them.',
};
