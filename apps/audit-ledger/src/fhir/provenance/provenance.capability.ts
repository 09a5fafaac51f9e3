import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM } from '@app/fhir';

/** `Provenance`: read and search, by patient and by when the ledger appended the entry; R4 gives it no status. */
export const PROVENANCE_CAPABILITY: FhirResourceCapability = {
  type: 'Provenance',
  interactions: ['read', 'search-type'],
  searchParams: [
    { ...PATIENT_PARAM, documentation: `${PATIENT_PARAM.documentation}: the steps whose subject or related subjects name patient:<pseudonym>` },
    ...PAGING_PARAMS,
  ],
  documentation:
    'The provenance of each step (id = its ledger entry id): the seal of the service that wrote it as the signature, ' +
    'its leaf bytes and their inclusion proof against the newest signed tree head as extensions. Same visibility as AuditEvent.',
};
