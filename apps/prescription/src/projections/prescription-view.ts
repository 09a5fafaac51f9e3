import type { Evaluation } from '../domain/evaluation/evaluation.types';
import type { PrescriptionIssuedData } from '../domain/prescription.events';
import type { PrescriptionState } from '../domain/prescription.state';
import type { PrescriptionStatus } from '../domain/vocabulary';

/** A prescription as API.md serves it; `patient.nir` and `patient.birthDate` only for its prescriber. */
export type PrescriptionView = Omit<
  PrescriptionIssuedData,
  'prescriptionId' | 'patient' | 'evaluation' | 'referentialVersion' | 'issuedAt'
> & {
  id: string;
  status: PrescriptionStatus;
  version: number;
  patient: { pseudonym: string; ald: boolean; homeCellularCoverage: string; nir?: string; birthDate?: string };
  evaluation: Evaluation;
  cancellation: { reason: string; cancelledAt: string } | null;
  expiredAt: string | null;
  issuedAt: string;
  updatedAt: string;
};

export function prescriptionView(state: Extract<PrescriptionState, { issued: unknown }>, version: number, updatedAt: string): PrescriptionView {
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
