/** What every FHIR answer is served as (FHIR R4 "http.html#mime-type"). */
export const FHIR_JSON = 'application/fhir+json';

/** The public prefix of every FHIR route, through the gateway. */
export const FHIR_BASE_PATH = '/fhir/R4';

/**
 * The platform's own namespace for code systems and extensions that no
 * terminology publishes (its error codes, its certification statuses, its HAS
 * evaluation). Canonical URLs identify, they are not fetched.
 */
export const PLATFORM_FHIR_NAMESPACE = 'https://connected-health.example/fhir';

/** A code system or extension of the platform, by its short name (`CodeSystem/error-code`). */
export const platformUrl = (path: string): string => `${PLATFORM_FHIR_NAMESPACE}/${path}`;

/** Whether a request path is a FHIR route, whose answers (errors too) are FHIR resources. */
export const isFhirPath = (path: string): boolean => path === FHIR_BASE_PATH || path.startsWith(`${FHIR_BASE_PATH}/`) || path.startsWith(`${FHIR_BASE_PATH}?`);
