import type { Coding, Identifier } from '@medplum/fhirtypes';

/**
 * The systems ANS FR Core gives French identifiers. An RPPS is served as the
 * national identifier of the practitioner (IdNatPs): `8` then the RPPS; a
 * SIRET as the national identifier of the structure (IdNatStruct): `3` then
 * the SIRET.
 */
export const FR_SYSTEMS = {
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  idNatStruct: 'urn:oid:1.2.250.1.71.4.2.2',
  /** The NIR, as the prescriber typed it: the INS namespace, not an INSi-qualified identity. */
  nir: 'urn:oid:1.2.250.1.213.1.4.8',
  /** ANS's TRE_R312-LPP, the Liste des produits et prestations of the Assurance Maladie. */
  lpp: 'https://mos.esante.gouv.fr/NOS/TRE_R312-LPP/FHIR/TRE-R312-LPP',
  /** GS1, the issuing agency of the platform's UDI-DIs (GTIN-14). */
  gs1: 'http://hl7.org/fhir/NamingSystem/gs1-di',
} as const;

/** FR Core's profiles are named in `meta.profile` only where a resource truly conforms to them. */
export const FR_CORE_PROFILE_BASE = 'https://hl7.fr/ig/fhir/core/StructureDefinition';

export const rppsIdentifier = (rpps: string): Identifier => ({ system: FR_SYSTEMS.idNatPs, value: `8${rpps}` });

export const siretIdentifier = (siret: string): Identifier => ({ system: FR_SYSTEMS.idNatStruct, value: `3${siret}` });

export const nirIdentifier = (nir: string): Identifier => ({ system: FR_SYSTEMS.nir, value: nir.replace(/\s+/g, '').toUpperCase() });

export const lppCoding = (code: string): Coding => ({ system: FR_SYSTEMS.lpp, code });
