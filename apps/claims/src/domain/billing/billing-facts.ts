import type { IncidentCauseV1, IndicationCode } from '@app/contracts';

/*
 * What billing knows of the other services, as the local read models keep it
 * (fed by enrolment, prescription and device-certification events). Instants
 * are ISO 8601 strings, calendar dates YYYY-MM-DD in Europe/Paris.
 */

/** One step of an enrolment that opens or closes billable time, in stream order. */
export type TimelineKind =
  | 'ACTIVATED'
  | 'SUSPENDED'
  | 'RESUMED'
  | 'ENDED'
  | 'CONSENT_GIVEN'
  | 'CONSENT_REFUSED'
  | 'CONSENT_WITHDRAWN'
  | 'RIGHTS_OPEN'
  | 'RIGHTS_CLOSED'
  | 'RIGHTS_UNAVAILABLE';

export interface TimelineFact {
  /** The enrolment stream's version of the event: the order of the steps. */
  version: number;
  at: string;
  kind: TimelineKind;
}

export interface IncidentFact {
  incidentId: string;
  startedAt: string;
  /** Null while it is open: it runs on. */
  endedAt: string | null;
  cause: IncidentCauseV1;
  withdrawn: boolean;
}

/** One prescription of the enrolment's renewal chain. */
export interface PrescriptionFact {
  prescriptionId: string;
  status: 'ISSUED' | 'CANCELLED' | 'EXPIRED';
  startDate: string;
  endDate: string;
  cancelledAt: string | null;
}

export interface EnrolmentFacts {
  enrolmentId: string;
  pseudonym: string;
  /** The identity as the enrolment sealed it; null once the patient's data was erased. */
  identityEncrypted: string | null;
  indication: IndicationCode;
  ald: boolean;
  operatorOrg: string;
  deviceId: string;
  udiDi: string;
  /** The last prescription of the chain. */
  prescriptionId: string;
  prescriptionIds: string[];
  prescriberRpps: string[];
  status: string;
  /** The latest answer of the Assurance Maladie about the patient's rights. */
  rightsStatus: 'PENDING' | 'OPEN' | 'CLOSED' | 'UNAVAILABLE';
  createdAt: string;
  endedAt: string | null;
  /** Bumped by every fact that can change billable days: what tells a billed month to be checked again. */
  factsVersion: number;
  timeline: TimelineFact[];
  incidents: IncidentFact[];
  prescriptions: PrescriptionFact[];
}

/** One step of a device product's certification, in stream order. */
export interface CertificationFact {
  version: number;
  at: string;
  kind: 'CERTIFIED' | 'RECERTIFIED' | 'SUSPENDED' | 'REINSTATED' | 'REVOKED' | 'EXPIRED';
  validFrom: string | null;
  validUntil: string | null;
}

export interface DeviceFacts {
  deviceId: string;
  udiDi: string;
  /** Who is paid the technical fee: the exploitant given at registration, by default the manufacturer. */
  exploitant: { siret: string; name: string };
  /** From its certification; null while it was never certified. */
  lppCode: string | null;
  certification: CertificationFact[];
}
