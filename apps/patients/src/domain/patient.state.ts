import type { PatientErased, PatientEvent } from './patient.events';

/** A patient is known to this service only once erased: it holds nothing about anyone before that. */
export type PatientState = { status: 'NONE' } | ({ status: 'ERASED'; erasures: number } & PatientErased);

export const initialPatientState = (): PatientState => ({ status: 'NONE' });

/** Folds one event into the state; the latest erasure is the one the resource shows. */
export function evolvePatient(state: PatientState, event: PatientEvent): PatientState {
  switch (event.type) {
    case 'PatientErased':
      return { status: 'ERASED', erasures: (state.status === 'ERASED' ? state.erasures : 0) + 1, ...event.data };
    default:
      return state;
  }
}
