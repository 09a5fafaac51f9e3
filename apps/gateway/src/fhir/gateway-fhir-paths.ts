import { FHIR_BASE_PATH } from '@app/fhir';

/** `GET /fhir/R4/metadata`: the CapabilityStatement the gateway composes. */
export const METADATA_PATH = `${FHIR_BASE_PATH}/metadata`;

/** `Patient` is served only as `Patient/:pseudonym/$everything`, which the gateway composes. */
export const PATIENT_PATH = `${FHIR_BASE_PATH}/Patient`;

/** The FHIR paths the gateway answers itself instead of routing them to a service. */
export function isGatewayFhirPath(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path === METADATA_PATH || path === PATIENT_PATH || path.startsWith(`${PATIENT_PATH}/`);
}
