import type { Principal } from '@app/auth';
import type { PatientIdentityCipher } from '../commands/patient-identity.cipher';
import type { PrescriptionView } from '../projections/prescription-view';

/** Roles that read prescriptions: a physician their own; auditors and admins all of them, without identity. */
export const READER_ROLES = ['physician', 'auditor', 'admin'] as const;

/** The prescriber filter of a caller, or null for those who see every prescription. */
export const prescriberFilterOf = (principal: Principal): string | null =>
  principal.role === 'physician' ? (principal.rpps ?? '') : null;

export interface PrescriptionRow {
  resource: PrescriptionView;
  prescriber_rpps: string;
  identity_encrypted: string;
}

/** The view for this caller: the patient's NIR and birth date go to the prescriber alone. */
export function viewFor(principal: Principal, row: PrescriptionRow, identity: PatientIdentityCipher): PrescriptionView {
  if (principal.role !== 'physician' || principal.rpps !== row.prescriber_rpps) return row.resource;
  const { nir, birthDate } = identity.decrypt(row.identity_encrypted);
  return { ...row.resource, patient: { ...row.resource.patient, nir, birthDate } };
}
