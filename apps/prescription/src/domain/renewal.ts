import type { IndicationCode, PrescriptionStatus } from './vocabulary';

export interface RenewedPrescription {
  id: string;
  status: PrescriptionStatus;
  patientPseudonym: string;
  indication: IndicationCode;
  deviceId: string;
  endDate: string;
}

/**
 * Why `renewalOf` cannot be renewed by this request, or null when it can: it
 * must be ISSUED or EXPIRED, for the same patient, indication and device.
 * Messages never repeat the patient's identity.
 */
export function renewalProblem(
  renewed: RenewedPrescription | null,
  request: { renewalOf: string; patientPseudonym: string; indication: IndicationCode; deviceId: string },
): string | null {
  if (!renewed) return `prescription ${request.renewalOf} to renew does not exist`;
  if (renewed.status !== 'ISSUED' && renewed.status !== 'EXPIRED') {
    return `prescription ${renewed.id} is ${renewed.status}: only an ISSUED or EXPIRED prescription can be renewed`;
  }
  if (renewed.patientPseudonym !== request.patientPseudonym) return `prescription ${renewed.id} is for another patient`;
  if (renewed.indication !== request.indication) return `prescription ${renewed.id} is for ${renewed.indication}, not ${request.indication}`;
  if (renewed.deviceId !== request.deviceId) return `prescription ${renewed.id} is for another device`;
  return null;
}
