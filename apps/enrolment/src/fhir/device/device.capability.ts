import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM, statusParam } from '@app/fhir';

export const DEVICE_CAPABILITY: FhirResourceCapability = {
  type: 'Device',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(['active', 'inactive'], "The device's status (active: the enrolment's device in use; inactive: replaced, or its enrolment ended)"),
    ...PAGING_PARAMS,
  ],
  documentation:
    'Each serial assigned to an enrolment (a replaced one too), its UDI carrier, the patient by pseudonym, and the operator that holds it. ' +
    'Visible to the enrolment\'s operator org, its prescribers and its patient.',
};
