import { FR_SYSTEMS } from './french-identifiers';

/**
 * The issuing agencies of a UDI-DI, as FHIR R4 names them (udi.html). The
 * platform takes GS1 GTINs (digits), HIBCC ('+' prefix) and ICCBBA ('='
 * prefix) DIs (libs/fr-health/src/udi-di.ts), so the issuer is read from the
 * DI itself; ICCBBA's is the one for devices other than blood containers.
 */
export const UDI_ISSUERS = {
  gs1: FR_SYSTEMS.gs1,
  hibcc: 'http://hl7.org/fhir/NamingSystem/hibcc-dI',
  iccbba: 'http://hl7.org/fhir/NamingSystem/iccbba-other-di',
} as const;

/** The jurisdiction of a UDI assigned under the EU MDR (EUDAMED). */
export const EU_UDI_JURISDICTION = 'http://hl7.org/fhir/NamingSystem/eu-ec-udi';

/** The agency that issued this UDI-DI, by its shape. */
export function udiIssuer(udiDi: string): string {
  if (udiDi.startsWith('+')) return UDI_ISSUERS.hibcc;
  if (udiDi.startsWith('=')) return UDI_ISSUERS.iccbba;
  return UDI_ISSUERS.gs1;
}
