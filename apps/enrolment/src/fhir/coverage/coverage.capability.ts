import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM, statusParam } from '@app/fhir';

export const COVERAGE_CAPABILITY: FhirResourceCapability = {
  type: 'Coverage',
  interactions: ['read', 'search-type'],
  searchParams: [
    PATIENT_PARAM,
    statusParam(['active', 'cancelled', 'draft'], "The AMO rights (active: open; cancelled: closed; draft: not known yet, or the AMO did not answer)"),
    ...PAGING_PARAMS,
  ],
  documentation:
    "One per enrolment (its id is the enrolment's): the patient's statutory health insurance (AMO) as its rights check found it, " +
    "and the ALD exoneration of the prescription. Visible to the enrolment's operator org, its prescribers and its patient.",
};
