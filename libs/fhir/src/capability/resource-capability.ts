/** The kinds of FHIR search parameter the platform serves. */
export type FhirSearchParamType = 'reference' | 'token' | 'date' | 'number';

export interface FhirSearchParam {
  name: string;
  type: FhirSearchParamType;
  documentation: string;
  /** A token's accepted codes (a status): anything else is a 400 naming the parameter. */
  values?: readonly string[];
}

/**
 * What a service serves of one resource type: the parser reads the same
 * declaration as the CapabilityStatement, so `metadata` lists exactly what is
 * accepted.
 */
export interface FhirResourceCapability {
  type: string;
  /** `read` is `GET /fhir/R4/<type>/:id`; `search-type` is `GET /fhir/R4/<type>?...`. */
  interactions: readonly ('read' | 'search-type')[];
  searchParams: readonly FhirSearchParam[];
  /** Profiles the resources truly conform to (FR Core only where they do). */
  supportedProfiles?: readonly string[];
  /** Operations on instances of the type (`Patient/:id/$everything`). */
  operations?: readonly { name: string; definition: string }[];
  documentation?: string;
}

/** `patient`: `Patient/<pseudonym>` or the bare pseudonym. */
export const PATIENT_PARAM: FhirSearchParam = {
  name: 'patient',
  type: 'reference',
  documentation: 'The patient, as `Patient/<pseudonym>` or the bare pseudonym',
};

export const statusParam = (values: readonly string[], documentation = 'The FHIR status'): FhirSearchParam => ({
  name: 'status',
  type: 'token',
  documentation: `${documentation}: ${values.join(', ')} (several separated by commas)`,
  values,
});

export const LAST_UPDATED_PARAM: FhirSearchParam = {
  name: '_lastUpdated',
  type: 'date',
  documentation: 'When the resource last changed, with the prefixes eq, ge, gt, le, lt (repeat it for a range)',
};

export const COUNT_PARAM: FhirSearchParam = { name: '_count', type: 'number', documentation: 'Resources per page, 1 to 200 (default 50)' };

/** The page the Bundle's `next` and `previous` links name; 1 to 10,000. */
export const PAGE_PARAM: FhirSearchParam = { name: '_page', type: 'number', documentation: 'The page of the search, from 1 (the links of the Bundle carry it)' };

/** The paging parameters every search takes. */
export const PAGING_PARAMS: readonly FhirSearchParam[] = [LAST_UPDATED_PARAM, COUNT_PARAM, PAGE_PARAM];
