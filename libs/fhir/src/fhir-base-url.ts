import { FHIR_BASE_PATH } from './fhir-media-type';

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/**
 * The FHIR base as the client reached it (`http://localhost:3000/fhir/R4`):
 * behind the gateway, the host and scheme it forwarded; a service reached
 * directly, its own. Bundle links and `fullUrl`s are built on it, so they
 * lead back through the gateway.
 */
export function fhirBaseUrl(headers: Headers, fallback: { protocol: string; host: string }): string {
  const protocol = first(headers['x-forwarded-proto']) ?? fallback.protocol;
  const host = first(headers['x-forwarded-host']) ?? first(headers.host) ?? fallback.host;
  return `${protocol}://${host}${FHIR_BASE_PATH}`;
}
