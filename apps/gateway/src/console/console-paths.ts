/**
 * The paths the web console may answer: everything the API, the FHIR views,
 * the documents, the probes and the metrics do not own. A request for one of
 * those never falls back to the console's page, so an API client always gets
 * the API's JSON 404, never HTML.
 */
const API_PREFIXES = ['/v1', '/fhir', '/docs', '/health', '/internal', '/metrics'];

export function isConsolePath(pathname: string): boolean {
  return !API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** The console's own files (hashed bundles, its config), never counted by the rate limit: a page load fetches several. */
export const CONSOLE_FILE_PREFIXES = ['/assets', '/console'];
