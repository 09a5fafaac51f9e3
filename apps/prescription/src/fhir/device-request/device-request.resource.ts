import { ERASED } from '@app/contracts';
import { lppCoding, nirIdentifier, organizationByPlatformId, patientReference, PLATFORM_SYSTEMS, platformUrl, practitionerReference } from '@app/fhir';
import type { CodeableConcept, DeviceRequest, DeviceRequestParameter, Patient, Reference } from '@medplum/fhirtypes';
import type { PrescriptionView } from '../../projections/prescription-view';
import { FHIR_STATUS_OF } from './device-request-status';
import { cancellationExtension, hasEvaluationExtension, prescribedProductExtension } from './device-request.extensions';

/** The platform's code systems a DeviceRequest uses. */
export const DEVICE_REQUEST_SYSTEMS = {
  indication: PLATFORM_SYSTEMS.indication,
  parameter: platformUrl('CodeSystem/device-request-parameter'),
  monitoringMode: platformUrl('CodeSystem/monitoring-mode'),
  operator: PLATFORM_SYSTEMS.operator,
} as const;

const UCUM = 'http://unitsofmeasure.org';

/** What the service knows of the prescribed product besides the prescription: its LPP code as certified when it was prescribed. */
export interface PrescribedProduct {
  lppCode?: string;
}

/**
 * A prescription, as the JSON API shows it to this caller, as a FHIR R4
 * DeviceRequest. Nothing is added that the view does not hold: the NIR is
 * there only when the view carries it (the prescriber, the patient), never
 * the birth date or names; free text only as the view shows it.
 */
export function toDeviceRequest(view: PrescriptionView, product: PrescribedProduct = {}): DeviceRequest {
  return {
    resourceType: 'DeviceRequest',
    id: view.id,
    meta: { versionId: String(view.version), lastUpdated: view.updatedAt },
    extension: [
      prescribedProductExtension(view.device.id),
      hasEvaluationExtension(view),
      ...(view.cancellation ? [cancellationExtension(view.cancellation)] : []),
    ],
    ...(view.renewalOf ? { priorRequest: [{ reference: `DeviceRequest/${view.renewalOf}` }] } : {}),
    status: FHIR_STATUS_OF[view.status],
    intent: 'order',
    codeCodeableConcept: productConcept(view, product),
    parameter: parameters(view),
    subject: subjectOf(view.patient),
    occurrencePeriod: { start: view.startDate, end: view.endDate },
    authoredOn: view.issuedAt,
    requester: practitionerReference(view.prescriber.rpps),
    performer: organizationByPlatformId(DEVICE_REQUEST_SYSTEMS.operator, view.operatorOrg),
    reasonCode: [{ coding: [{ system: DEVICE_REQUEST_SYSTEMS.indication, code: view.indication }] }],
  };
}

/** R4's code[x] is a Device or a concept: a prescription names a product, so its LPP coding (reimbursement) and its UDI-DI in text. */
function productConcept({ device }: PrescriptionView, { lppCode }: PrescribedProduct): CodeableConcept {
  return { ...(lppCode ? { coding: [lppCoding(lppCode)] } : {}), text: `Certified connected medical device, UDI-DI ${device.udiDi}` };
}

function parameters({ monitoringMode, durationMonths }: PrescriptionView): DeviceRequestParameter[] {
  const code = (value: string): CodeableConcept => ({ coding: [{ system: DEVICE_REQUEST_SYSTEMS.parameter, code: value }] });
  return [
    { code: code('monitoring-mode'), valueCodeableConcept: { coding: [{ system: DEVICE_REQUEST_SYSTEMS.monitoringMode, code: monitoringMode }] } },
    { code: code('duration'), valueQuantity: { value: durationMonths, unit: 'month', system: UCUM, code: 'mo' } },
  ];
}

/** The patient by pseudonym; the NIR as an identifier only when the view holds it, and not once erased. */
function subjectOf(patient: PrescriptionView['patient']): Reference<Patient> {
  const nir = patient.nir !== undefined && patient.nir !== ERASED ? patient.nir : undefined;
  return { ...(patientReference(patient.pseudonym) as Reference<Patient>), ...(nir ? { identifier: nirIdentifier(nir) } : {}) };
}
