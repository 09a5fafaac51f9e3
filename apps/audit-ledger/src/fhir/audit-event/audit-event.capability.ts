import { type FhirResourceCapability, PAGING_PARAMS, PATIENT_PARAM } from '@app/fhir';

/** `AuditEvent`: read and search, by patient and by when the ledger appended the entry; R4 gives it no status. */
export const AUDIT_EVENT_CAPABILITY: FhirResourceCapability = {
  type: 'AuditEvent',
  interactions: ['read', 'search-type'],
  searchParams: [
    { ...PATIENT_PARAM, documentation: `${PATIENT_PARAM.documentation}: the entries whose subject or related subjects name patient:<pseudonym>` },
    ...PAGING_PARAMS,
  ],
  documentation:
    'One per audit ledger entry (id = the entry id), in ledger order, under the newest signed tree head. ' +
    'Auditors read every entry; a physician those naming a prescription or refused attempt of theirs; any other role 403.',
};
