import type { Erased, PatientSex, SealedTextV1 } from '@app/contracts';
import type { Evaluation } from '../domain/evaluation/evaluation.types';
import type { PrescriptionIssuedData } from '../domain/prescription.events';
import type { PrescriptionState } from '../domain/prescription.state';
import type { PrescriptionStatus } from '../domain/vocabulary';

type Fields = Omit<PrescriptionIssuedData, 'prescriptionId' | 'patient' | 'evaluation' | 'referentialVersion' | 'issuedAt' | 'overrides'> & {
  id: string;
  status: PrescriptionStatus;
  version: number;
  evaluation: Evaluation;
  expiredAt: string | null;
  issuedAt: string;
  updatedAt: string;
};

type PatientFields = { pseudonym: string; ald: boolean; homeCellularCoverage: string };

/** The patient's identity as its prescriber reads it; every field "erased" once the patient is. */
export type IdentityView = {
  nir: string;
  birthDate: string;
  familyName?: string;
  givenNames?: string;
  sex?: PatientSex | Erased;
};

/** A prescription as the read model stores it: free text sealed, the identity apart (PrescriptionRow). */
export type StoredPrescriptionView = Fields & {
  patient: PatientFields;
  overrides: { ruleId: string; justification: SealedTextV1 }[];
  cancellation: { reason: SealedTextV1; cancelledAt: string } | null;
};

/**
 * A prescription as API.md serves it: the identity for its prescriber alone,
 * free text (justifications, the cancellation's reason) for its prescriber
 * and auditors, "erased" once the patient is (personal-data/prescription-opening.ts).
 */
export type PrescriptionView = Fields & {
  patient: PatientFields & Partial<IdentityView>;
  overrides: { ruleId: string; justification?: string }[];
  cancellation: { reason?: string; cancelledAt: string } | null;
};

export function prescriptionView(state: Extract<PrescriptionState, { issued: unknown }>, version: number, updatedAt: string): StoredPrescriptionView {
  const { prescriptionId, patient, evaluation, referentialVersion, ...rest } = state.issued;
  return {
    id: prescriptionId,
    status: state.status,
    version,
    ...rest,
    patient: { pseudonym: patient.pseudonym, ald: patient.ald, homeCellularCoverage: patient.homeCellularCoverage },
    evaluation: { referentialVersion, results: evaluation },
    cancellation: state.cancellation ?? null,
    expiredAt: state.expiredAt ?? null,
    updatedAt,
  };
}
