import type { IndicationCode, PrescriptionStatus } from './vocabulary';

export interface RenewedPrescription {
  id: string;
  status: PrescriptionStatus;
  prescriberRpps: string;
  patientPseudonym: string;
  indication: IndicationCode;
  deviceId: string;
  operatorOrg: string;
  endDate: string;
}

export interface RenewalRequest {
  renewalOf: string;
  patientPseudonym: string;
  indication: IndicationCode;
  deviceId: string;
  operatorOrg: string;
}

/** What anyone but the renewed prescription's own prescriber is told, whatever the cause (API.md). */
export const RENEWAL_REFUSED_TO_OTHERS = 'renewalOf does not name a prescription this request can renew';

/**
 * Why `renewalOf` cannot be renewed by this request, or null when it can: it
 * must be ISSUED or EXPIRED, for the same patient, indication, device and
 * operator. Messages never repeat the patient's identity.
 */
export function renewalProblem(renewed: RenewedPrescription | null, request: RenewalRequest): string | null {
  if (!renewed) return `prescription ${request.renewalOf} to renew does not exist`;
  if (renewed.status !== 'ISSUED' && renewed.status !== 'EXPIRED') {
    return `prescription ${renewed.id} is ${renewed.status}: only an ISSUED or EXPIRED prescription can be renewed`;
  }
  if (renewed.patientPseudonym !== request.patientPseudonym) return `prescription ${renewed.id} is for another patient`;
  if (renewed.indication !== request.indication) return `prescription ${renewed.id} is for ${renewed.indication}, not ${request.indication}`;
  if (renewed.deviceId !== request.deviceId) return `prescription ${renewed.id} is for another device`;
  if (renewed.operatorOrg !== request.operatorOrg) return `prescription ${renewed.id} is followed by another telemonitoring operator`;
  return null;
}

/**
 * The refusal the caller reads, or null when the renewal may go on. Only the
 * renewed prescription's prescriber learns the precise reason; to anyone else
 * a missing, a cancelled and another patient's prescription read the same,
 * so nothing is learnt about prescriptions one may not see.
 */
export function renewalRefusal(renewed: RenewedPrescription | null, request: RenewalRequest, callerRpps: string | undefined): string | null {
  const problem = renewalProblem(renewed, request);
  if (problem === null) return null;
  const ownPrescriber = renewed !== null && callerRpps !== undefined && renewed.prescriberRpps === callerRpps;
  return ownPrescriber ? problem : RENEWAL_REFUSED_TO_OTHERS;
}
