import type { StepActorV1 } from '@app/contracts';
import { DomainError, ERROR_CODES } from '@app/contracts';
import { type FhirSearch, organizationByPlatformId, patientReference, practitionerReference } from '@app/fhir';
import type { Meta, Organization, Reference } from '@medplum/fhirtypes';
import type { FhirScope } from '../projections/fhir-scope.sql';
import { ENROLMENT_FHIR } from './enrolment-fhir-codes';

/** The operator org an enrolment belongs to, by its platform id. */
export const operatorReference = (org: string): Reference<Organization> =>
  organizationByPlatformId(ENROLMENT_FHIR.operatorSystem, org) as Reference<Organization>;

/**
 * Each FHIR view of an enrolment (its Coverage, Devices, Consents) is a
 * version of the enrolment: versionId and lastUpdated are the enrolment's.
 */
export const enrolmentMeta = (version: number, updatedAt: string): Meta => ({ versionId: String(version), lastUpdated: new Date(updatedAt).toISOString() });

/** Who took a step, as a FHIR reference: the patient by pseudonym, a physician by RPPS, an operator by org. */
export function actorReference(actor: StepActorV1, patientPseudonym: string): Reference | undefined {
  switch (actor.role) {
    case 'patient':
      return patientReference(patientPseudonym);
    case 'physician':
      return actor.rpps ? practitionerReference(actor.rpps) : undefined;
    case 'operator':
      return actor.org ? operatorReference(actor.org) : undefined;
    default:
      // The platform itself (a reaction to another service's event): no one to name.
      return undefined;
  }
}

/** The search's patient and `_lastUpdated`, as the repositories filter them. */
export const scopeOf = (search: FhirSearch): FhirScope => ({
  patientPseudonym: search.patient,
  updatedFrom: search.lastUpdated.from,
  updatedTo: search.lastUpdated.to,
});

export const pageOf = (search: FhirSearch): { page: number; pageSize: number } => ({ page: search.page, pageSize: search.count });

/** The 404 of a resource that does not exist or that the caller may not see: the same answer for both. */
export const fhirNotFound = (type: string, id: string): DomainError =>
  new DomainError(ERROR_CODES.notFound, `${type}/${id} not found`, 'not_found');
