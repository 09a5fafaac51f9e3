import type { ErasureLegalBasisV1, TextCommitmentV1 } from '@app/contracts';

/** What destroying the patient's keys found, in the command's own transaction (PatientKeyEraser). */
export interface KeysErased {
  /** A data key of this pseudonym ever existed. */
  known: boolean;
  /** Generations destroyed now; 0 when none was left. */
  destroyed: number;
}

/**
 * Commands carry everything the decision needs: the time, the ids, and what
 * the key eraser did in the same transaction, so the decider stays pure.
 */
export type PatientCommand = {
  type: 'ErasePatient';
  now: Date;
  erasureId: string;
  pseudonym: string;
  legalBasis: ErasureLegalBasisV1;
  /** The note's commitment; its text never reaches the domain. */
  note: TextCommitmentV1 | null;
  keys: KeysErased;
  requestedBy: string;
};
