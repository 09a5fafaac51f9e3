import { COMMITMENT_SALT_BYTES, textCommitment } from '@app/audit';
import type { TextCommitmentV1 } from '@app/contracts';
import { randomBytes } from 'node:crypto';
import type { PatientErasureView } from '../../projections/patient-erasure-view';

/** The note as committed: the commitment that is kept, and the salt that only its author gets back. */
export interface CommittedNote {
  commitment: TextCommitmentV1;
  salt: string;
}

/**
 * The note of an erasure is committed, and its text and salt kept nowhere:
 * it may name the very patient whose data is being destroyed (under no key
 * that survives them), and this service holds no data key at all. The salt
 * goes back to the admin once, in the 202: with the note they file in their
 * own register, it proves the ledger's commitment.
 */
export function commitNote(note: string | undefined): CommittedNote | null {
  if (note === undefined) return null;
  const salt = randomBytes(COMMITMENT_SALT_BYTES).toString('hex');
  return { commitment: { commitment: textCommitment(salt, note) }, salt };
}

/** The 202 answer: the erasure resource, and the note's salt when a note was given. */
export type ErasureAnswer = Omit<PatientErasureView, 'note'> & { note: (TextCommitmentV1 & { salt: string }) | null };

export const erasureAnswer = (view: PatientErasureView, note: CommittedNote | null): ErasureAnswer => ({
  ...view,
  note: note && view.note ? { ...view.note, salt: note.salt } : null,
});
