import type { RightsStatusV1 } from '@app/contracts';
import { ASSURANCE_MALADIE, patientReference } from '@app/fhir';
import type { Coverage, Extension, Period } from '@medplum/fhirtypes';
import type { EnrolmentRow } from '../../projections/enrolments.repository';
import { ENROLMENT_FHIR, HL7_SYSTEMS } from '../enrolment-fhir-codes';
import { enrolmentMeta } from '../enrolment-fhir';

export type CoverageStatus = 'active' | 'cancelled' | 'draft';

/** fm-status (required): the AMO's answer. Not asked yet or not answered is a draft: nothing is known of the rights. */
export const COVERAGE_STATUS_OF: Record<RightsStatusV1, CoverageStatus> = { OPEN: 'active', CLOSED: 'cancelled', PENDING: 'draft', UNAVAILABLE: 'draft' };

export const rightsStatusesFor = (statuses: readonly string[] | undefined): RightsStatusV1[] | undefined =>
  statuses && (Object.keys(COVERAGE_STATUS_OF) as RightsStatusV1[]).filter((rights) => statuses.includes(COVERAGE_STATUS_OF[rights]));

function extensions({ resource, ald }: EnrolmentRow): Extension[] {
  return [
    ...(ald === null ? [] : [{ url: ENROLMENT_FHIR.aldExtension, valueBoolean: ald }]),
    { url: ENROLMENT_FHIR.rightsStatusExtension, valueCoding: { system: ENROLMENT_FHIR.rightsStatusSystem, code: resource.rights.status } },
    ...(resource.rights.checkedAt ? [{ url: ENROLMENT_FHIR.rightsCheckedAtExtension, valueInstant: resource.rights.checkedAt }] : []),
  ];
}

/**
 * An enrolment's Coverage (its id is the enrolment's, which a Claim's
 * `insurance` names): the patient's statutory health insurance, paid by the
 * Assurance Maladie, as the last rights check found it, with the ALD
 * exoneration of the prescription in force (the "ALD link") and the period
 * of the monitoring it covers (the activation to the end).
 */
export function coverageResource(row: EnrolmentRow): Coverage {
  const { resource } = row;
  const period: Period = { ...(resource.activatedAt ? { start: resource.activatedAt } : {}), ...(resource.endedAt ? { end: resource.endedAt } : {}) };
  return {
    resourceType: 'Coverage',
    id: resource.id,
    meta: enrolmentMeta(resource.version, resource.updatedAt),
    extension: extensions(row),
    status: COVERAGE_STATUS_OF[resource.rights.status],
    type: {
      coding: [{ system: HL7_SYSTEMS.v3ActCode, code: 'PUBLICPOL', display: 'public healthcare' }],
      text: 'Assurance Maladie Obligatoire (AMO)',
    },
    beneficiary: patientReference(resource.patient.pseudonym),
    payor: [ASSURANCE_MALADIE],
    ...(period.start || period.end ? { period } : {}),
  };
}
