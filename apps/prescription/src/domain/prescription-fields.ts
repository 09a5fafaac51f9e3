import { PRESCRIPTION_SEALED_FIELDS, type PatientIdentityV1 } from '@app/contracts';
import { fieldAad, validateNir } from '@app/fr-health';

/** The rows a prescription's ciphertexts are bound to: the prescription, or the refused attempt. */
export type SealedRow = `prescription:${string}` | `attempt:${string}`;

export const identityAad = (row: SealedRow): string => fieldAad(row, PRESCRIPTION_SEALED_FIELDS.identity);
export const justificationAad = (row: SealedRow, ruleId: string): string => fieldAad(row, PRESCRIPTION_SEALED_FIELDS.justification(ruleId));
export const cancellationReasonAad = (row: SealedRow): string => fieldAad(row, PRESCRIPTION_SEALED_FIELDS.cancellationReason);

/** The identity as it is encrypted: the NIR normalised, absent traits absent. */
export function identityPlaintext(patient: PatientIdentityV1): string {
  const checked = validateNir(patient.nir);
  const identity: PatientIdentityV1 = { nir: checked.ok ? checked.nir : patient.nir, birthDate: patient.birthDate };
  if (patient.familyName !== undefined) identity.familyName = patient.familyName;
  if (patient.givenNames !== undefined) identity.givenNames = patient.givenNames;
  if (patient.sex !== undefined) identity.sex = patient.sex;
  return JSON.stringify(identity);
}
