import type { RepresentativeRoleV1 } from '@app/contracts';
import { patientReference, platformUrl } from '@app/fhir';
import type { Consent, Extension, Reference, RelatedPerson } from '@medplum/fhirtypes';
import type { ConsentRecordRow, ConsentStanding } from '../../projections/consents.repository';
import { ENROLMENT_FHIR, HL7_SYSTEMS } from '../enrolment-fhir-codes';
import { actorReference, enrolmentMeta, operatorReference } from '../enrolment-fhir';

export type ConsentStatus = 'active' | 'inactive' | 'rejected';

/** consent-state-codes (required): a record's standing as FHIR says it. */
export const CONSENT_STATUS_OF: Record<ConsentStanding, ConsentStatus> = { IN_FORCE: 'active', ENDED: 'inactive', REFUSED: 'rejected' };

export const standingsFor = (statuses: readonly string[] | undefined): ConsentStanding[] | undefined =>
  statuses && (Object.keys(CONSENT_STATUS_OF) as ConsentStanding[]).filter((standing) => statuses.includes(CONSENT_STATUS_OF[standing]));

/** The consent text a record was signed under: an identifier of the platform, not a page to fetch. */
export const consentTextUri = (version: string): string => platformUrl(`ConsentText/${encodeURIComponent(version)}`);

/** The id of the contained RelatedPerson a representative's signature names. */
const REPRESENTATIVE = 'representative';

/** v3 RoleCode for the roles that have one (OTHER has none: the platform's code alone says it). */
const V3_ROLE_OF: Partial<Record<RepresentativeRoleV1, { code: string; display: string }>> = {
  PARENT: { code: 'PRN', display: 'parent' },
  GUARDIAN: { code: 'GUARD', display: 'guardian' },
};
const ROLE_DISPLAY: Record<RepresentativeRoleV1, string> = { PARENT: 'Parent', GUARDIAN: 'Guardian', OTHER: 'Other legal representative' };

/**
 * The legal representative who signed for the patient: the platform keeps
 * their role only (never who they are), so they are a RelatedPerson
 * contained in the Consent, of the patient, with that role.
 */
function representative(row: ConsentRecordRow): RelatedPerson {
  const role = row.representativeRole ?? 'OTHER';
  const v3 = V3_ROLE_OF[role];
  return {
    resourceType: 'RelatedPerson',
    id: REPRESENTATIVE,
    patient: patientReference(row.patientPseudonym),
    relationship: [
      {
        coding: [
          { system: ENROLMENT_FHIR.representativeRoleSystem, code: role, display: ROLE_DISPLAY[role] },
          ...(v3 ? [{ system: HL7_SYSTEMS.v3RoleCode, ...v3 }] : []),
        ],
        text: `Legal representative (${ROLE_DISPLAY[role].toLowerCase()})`,
      },
    ],
  };
}

function extensions(row: ConsentRecordRow): Extension[] {
  const reference = (url: string, value: Reference | undefined): Extension[] => (value ? [{ url, valueReference: value }] : []);
  return [
    { url: ENROLMENT_FHIR.consentMethodExtension, valueCoding: { system: ENROLMENT_FHIR.consentMethodSystem, code: row.method } },
    ...reference(ENROLMENT_FHIR.consentRecordedByExtension, actorReference(row.recordedBy, row.patientPseudonym)),
    { url: ENROLMENT_FHIR.consentRecordedAtExtension, valueInstant: row.recordedAt },
    ...reference(ENROLMENT_FHIR.consentWithdrawnByExtension, row.withdrawnBy ? actorReference(row.withdrawnBy, row.patientPseudonym) : undefined),
  ];
}

/**
 * A consent record as a FHIR Consent: the patient's consent to their
 * telemonitoring (scope `treatment`: it allows the remote monitoring act and
 * stops it when withdrawn), signed at `dateTime` by the patient or their
 * legal representative, under a version of the consent text (`policy`). A
 * given consent permits from its signature until it is withdrawn or a later
 * one replaces it; a refusal denies. How it was collected and who recorded
 * it on the platform are the platform's extensions.
 */
export function consentResource(row: ConsentRecordRow): Consent {
  const byRepresentative = row.signedBy === 'LEGAL_REPRESENTATIVE';
  const end = row.decision === 'GIVEN' ? (row.withdrawnAt ?? row.supersededAt ?? undefined) : undefined;
  return {
    resourceType: 'Consent',
    id: row.id,
    meta: enrolmentMeta(row.version, row.updatedAt),
    ...(byRepresentative ? { contained: [representative(row)] } : {}),
    extension: extensions(row),
    status: CONSENT_STATUS_OF[row.standing],
    scope: { coding: [{ system: HL7_SYSTEMS.consentScope, code: 'treatment', display: 'Treatment' }] },
    category: [{ coding: [{ system: HL7_SYSTEMS.loinc, code: '59284-0', display: 'Patient Consent' }] }],
    patient: patientReference(row.patientPseudonym),
    dateTime: row.signedAt,
    performer: [byRepresentative ? { reference: `#${REPRESENTATIVE}`, type: 'RelatedPerson' } : patientReference(row.patientPseudonym)],
    organization: [operatorReference(row.operatorOrg)],
    policy: [{ uri: consentTextUri(row.consentTextVersion) }],
    provision: {
      type: row.decision === 'GIVEN' ? 'permit' : 'deny',
      period: { start: row.signedAt, ...(end ? { end } : {}) },
    },
  };
}
