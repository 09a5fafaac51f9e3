import type { ErasureLegalBasisV1, TextCommitmentV1 } from '@app/contracts';
import type { PatientState } from '../domain/patient.state';

/** An erasure as `GET /v1/patients/:pseudonym/erasure` serves it (API.md conventions: id, status, version). */
export interface PatientErasureView {
  id: string;
  pseudonym: string;
  status: 'ERASED';
  legalBasis: ErasureLegalBasisV1;
  /** The commitment of the admin's note; the text is kept nowhere. */
  note: TextCommitmentV1 | null;
  generationsDestroyed: number;
  erasedAt: string;
  erasedBy: string;
  version: number;
}

export type ErasedPatient = Extract<PatientState, { status: 'ERASED' }>;

export function patientErasureView(state: ErasedPatient, version: number): PatientErasureView {
  return {
    id: state.erasureId,
    pseudonym: state.pseudonym,
    status: 'ERASED',
    legalBasis: state.legalBasis,
    note: state.note,
    generationsDestroyed: state.generationsDestroyed,
    erasedAt: state.erasedAt,
    erasedBy: state.requestedBy,
    version,
  };
}
