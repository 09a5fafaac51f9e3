import type { PatientsEventV1 } from '@app/contracts';
import { decideByType, type DecisionTable, type Decider } from '@app/event-sourcing/decider/decider';
import type { PatientCommand } from './patient.commands';
import type { PatientEvent } from './patient.events';
import { PatientErrors } from './patient.errors';
import { evolvePatient, initialPatientState, type PatientState } from './patient.state';

const deciders: DecisionTable<PatientCommand, PatientState, PatientEvent> = {
  /**
   * The keys were destroyed in this command's transaction before it is
   * decided; a refusal rolls that back. An erased patient with nothing left
   * to destroy is a 409. One who has keys again (issued after the erasure)
   * is erased again: refusing would keep those keys alive. A pseudonym of
   * whom no key ever existed is a 404. Keys that existed but were all gone
   * with no erasure recorded are recorded now (0 generations), so every
   * service still purges what it derived.
   */
  ErasePatient(command, state) {
    if (state.status === 'ERASED' && command.keys.destroyed === 0) throw PatientErrors.alreadyErased(command.pseudonym, state.erasedAt);
    if (state.status === 'NONE' && !command.keys.known) throw PatientErrors.notFound(command.pseudonym);
    return [
      {
        type: 'PatientErased',
        data: {
          erasureId: command.erasureId,
          pseudonym: command.pseudonym,
          legalBasis: command.legalBasis,
          note: command.note,
          generationsDestroyed: command.keys.destroyed,
          erasedAt: command.now.toISOString(),
          requestedBy: command.requestedBy,
        },
      },
    ];
  },
};

/** A patient's erasures as a decider; what it decides is what patients.events.v1 publishes. */
export const patientDecider = {
  initialState: initialPatientState,
  evolve: evolvePatient,
  decide: (command: PatientCommand, state: PatientState): PatientEvent[] => decideByType(deciders, command, state),
} satisfies Decider<PatientState, PatientCommand, PatientsEventV1>;
