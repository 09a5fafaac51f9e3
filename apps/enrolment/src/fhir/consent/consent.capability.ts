import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM, statusParam } from '@app/fhir';

export const CONSENT_CAPABILITY: FhirResourceCapability = {
  type: 'Consent',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(['active', 'inactive', 'rejected'], 'The consent\'s status (active: given and in force; inactive: withdrawn or superseded; rejected: refused)'),
    ...PAGING_PARAMS,
  ],
  documentation:
    'Each consent record of an enrolment (given, refused, withdrawn), its text version, who signed and who recorded it. ' +
    "Visible to the enrolment's operator org, its prescribers and its patient.",
};
