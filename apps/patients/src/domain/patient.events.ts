import type { PatientErasedV1, PatientsEventV1 } from '@app/contracts';

/** Events of a patient's stream: exactly what patients.events.v1 publishes (libs/contracts). */
export type PatientEvent = PatientsEventV1;
export type PatientErased = PatientErasedV1;
