import { PLATFORM_SYSTEMS, platformUrl } from '@app/fhir';

/** The platform's own extensions and code systems of the enrolment's FHIR views (no terminology publishes these). */
export const ENROLMENT_FHIR = {
  /** The telemonitoring operator an enrolment belongs to (its `operatorOrg`). */
  operatorSystem: PLATFORM_SYSTEMS.operator,
  /** Consent: how it was collected, ELECTRONIC or PAPER. */
  consentMethodExtension: platformUrl('StructureDefinition/consent-method'),
  consentMethodSystem: platformUrl('CodeSystem/consent-method'),
  /** Consent: who recorded it on the platform (the patient, a prescriber by RPPS, the operator org), and when. */
  consentRecordedByExtension: platformUrl('StructureDefinition/consent-recorded-by'),
  consentRecordedAtExtension: platformUrl('StructureDefinition/consent-recorded-at'),
  /** Consent: who withdrew it. */
  consentWithdrawnByExtension: platformUrl('StructureDefinition/consent-withdrawn-by'),
  /** The representative's role as the JSON API names it (PARENT, GUARDIAN, OTHER). */
  representativeRoleSystem: platformUrl('CodeSystem/consent-representative-role'),
  /** Coverage: the prescription's ALD exoneration (the "ALD link"). */
  aldExtension: platformUrl('StructureDefinition/ald-exoneration'),
  /** Coverage: the AMO's last answer on the patient's rights (PENDING, OPEN, CLOSED, UNAVAILABLE), and when it came. */
  rightsStatusExtension: platformUrl('StructureDefinition/amo-rights-status'),
  rightsStatusSystem: platformUrl('CodeSystem/amo-rights-status'),
  rightsCheckedAtExtension: platformUrl('StructureDefinition/amo-rights-checked-at'),
} as const;

/** FHIR's and HL7's own systems the views code with. */
export const HL7_SYSTEMS = {
  loinc: 'http://loinc.org',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  v3ActCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  v3RoleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
} as const;
