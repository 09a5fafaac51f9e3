import type { TextCommitmentV1 } from '../personal-data';
import { TOPICS } from '../topics';
import { eventContract, type EventOf } from './event-contract';

/*
 * patients.events.v1: the erasures of patients (key and `streamId` =
 * `patient:<pseudonym>`). The pseudonym stays after an erasure (claims and
 * the ledger join on it); nothing else of the patient is ever here, and the
 * admin's note only as its commitment.
 */

/** Why a patient's data is erased (API.md "Patients"). */
export const ERASURE_LEGAL_BASES = ['RETENTION_ENDED', 'ERASURE_REQUEST', 'OTHER'] as const;
export type ErasureLegalBasisV1 = (typeof ERASURE_LEGAL_BASES)[number];

/**
 * Every generation of the patient's data key was destroyed: each service
 * purges what it derived (caches, read models) and reads the patient's
 * identity and free text as `"erased"` from now on.
 */
export type PatientErasedV1 = {
  erasureId: string;
  pseudonym: string;
  legalBasis: ErasureLegalBasisV1;
  /** The commitment of the admin's note, when one was given; the text itself is kept nowhere on the platform. */
  note: TextCommitmentV1 | null;
  /** Data key generations destroyed by this erasure. */
  generationsDestroyed: number;
  erasedAt: string;
  /** The `sub` of the admin who asked (also the envelope's actor). */
  requestedBy: string;
};

export type PatientsEventsV1 = { PatientErased: PatientErasedV1 };
export type PatientsEventV1 = EventOf<PatientsEventsV1>;

export const PATIENTS_EVENTS_V1 = eventContract<PatientsEventsV1>(TOPICS.patients, { PatientErased: 1 });

/** The stream (and Kafka key) of a patient's erasure: one per pseudonym. */
export const patientStreamId = (pseudonym: string): `patient:${string}` => `patient:${pseudonym}`;
