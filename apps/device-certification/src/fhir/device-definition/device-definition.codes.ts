import { PLATFORM_SYSTEMS, platformUrl } from '@app/fhir';
import type { CodeableConcept, Coding } from '@medplum/fhirtypes';

/**
 * The platform's own code systems a DeviceDefinition uses: its vocabularies
 * (API.md "Device certification") have no published terminology, so each
 * code is the API's own, under the platform's namespace.
 */
export const DEVICE_DEFINITION_SYSTEMS = {
  /** The certification statuses of the catalogue: DRAFT ... EXPIRED. */
  certificationStatus: platformUrl('CodeSystem/device-certification-status'),
  /** The EU MDR risk classes, as the API writes them: I, IIa, IIb, III. */
  ceClass: platformUrl('CodeSystem/ce-class'),
  /** Shared with DeviceRequest.reasonCode (prescription): the same codes, the same system. */
  indication: PLATFORM_SYSTEMS.indication,
  connectivity: platformUrl('CodeSystem/connectivity'),
  dataStorage: platformUrl('CodeSystem/data-storage'),
  securityStandard: platformUrl('CodeSystem/security-standard'),
  /** The kinds of `property` a DeviceDefinition carries. */
  property: platformUrl('CodeSystem/device-definition-property'),
  /** Evaluation bodies, by their platform id (the evaluator token's `org`). */
  evaluator: PLATFORM_SYSTEMS.evaluator,
} as const;

/** The platform's extensions of a DeviceDefinition (canonical URLs: they identify, they are not fetched). */
export const DEVICE_DEFINITION_EXTENSIONS = {
  /** The platform's certification: status, validity, LPP code, certified indications, the evaluation body. */
  certification: platformUrl('StructureDefinition/device-certification'),
  /** The CE marking the vendor declares: the MDR class and its notified body's certificate. */
  ceMarking: platformUrl('StructureDefinition/ce-marking'),
  /** Where the device's health data are kept, and the HDS certificate of the host. */
  dataHosting: platformUrl('StructureDefinition/data-hosting'),
} as const;

export const coding = (system: string, code: string, display?: string): Coding => ({ system, code, ...(display ? { display } : {}) });

export const concept = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [coding(system, code, display)] });
