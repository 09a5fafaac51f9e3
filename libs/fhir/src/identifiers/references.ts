import type { Organization, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import { FR_SYSTEMS, rppsIdentifier, siretIdentifier } from './french-identifiers';

/**
 * A patient is named by pseudonym, the id of a Patient the platform never
 * serves whole: the identity stays behind the JSON API's rules.
 */
export const patientReference = (pseudonym: string): Reference<Patient> => ({ reference: `Patient/${pseudonym}` });

/** A practitioner the platform knows by RPPS only: a logical reference by identifier. */
export const practitionerReference = (rpps: string): Reference<Practitioner> => ({ type: 'Practitioner', identifier: rppsIdentifier(rpps) });

/** An organisation known by SIRET (a manufacturer, an exploitant). */
export const organizationBySiret = (siret: string, display?: string): Reference<Organization> => ({
  type: 'Organization',
  identifier: siretIdentifier(siret),
  ...(display ? { display } : {}),
});

/** An organisation known by its platform id (a telemonitoring operator, an evaluation body). */
export const organizationByPlatformId = (system: string, id: string, display?: string): Reference<Organization> => ({
  type: 'Organization',
  identifier: { system, value: id },
  ...(display ? { display } : {}),
});

/** The Assurance Maladie obligatoire, payer of every claim. */
export const ASSURANCE_MALADIE: Reference<Organization> = { type: 'Organization', display: 'Assurance Maladie' };

export { FR_SYSTEMS };
