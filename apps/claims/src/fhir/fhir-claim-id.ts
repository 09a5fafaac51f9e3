const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a FHIR id can name a claim (a UUID). Any other id is a resource that
 * does not exist, the 404 of FHIR's read, not a 400: FHIR ids are not UUIDs.
 */
export const isClaimId = (id: string): boolean => UUID.test(id);
