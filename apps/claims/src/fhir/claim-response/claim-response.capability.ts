import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM, statusParam } from '@app/fhir';
import { CLAIM_RESPONSE_STATUS_OF_FHIR } from './claim-response.resource';

/** `ClaimResponse`: read and search, by patient, FHIR status and last change; only the claims that have an answer have one. */
export const CLAIM_RESPONSE_CAPABILITY: FhirResourceCapability = {
  type: 'ClaimResponse',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(Object.keys(CLAIM_RESPONSE_STATUS_OF_FHIR), 'The answer of a claim in force (active) or of a cancelled claim'),
    ...PAGING_PARAMS,
  ],
  documentation:
    "A claim's answer (id = the claim's id): the refusal, or the adjudication line by line with the AMO share, and the payment. " +
    'A claim not answered yet (created, submitted, contested, submission failed) has none. Visibility is the claim\'s.',
};
