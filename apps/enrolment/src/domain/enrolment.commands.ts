import type {
  CausingEventV1,
  ConsentDecisionV1,
  ConsentMethodV1,
  ConsentSignerV1,
  EnrolledPrescriptionV1,
  IncidentCauseV1,
  RepresentativeRoleV1,
  RightsStatusV1,
  SealedTextV1,
  StepActorV1,
} from '@app/contracts';
import type { EnrolmentViewer } from './enrolment-visibility';

/** Commands carry the time and every fact the decision needs: the decider reads no clock, store or token. */
interface Base {
  now: Date;
}

/** A user's step: who takes it (what the event records) and how they see the enrolment (what admission checks). */
interface ByUser extends Base {
  by: StepActorV1;
  viewer: EnrolmentViewer;
}

/** A device product's certification as the enrolment's local read model knows it. */
export interface CertificationInForce {
  status: 'CERTIFIED' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';
  validUntil: string;
}

export type EnrolmentCommand =
  | (Base & { type: 'CreateEnrolment'; enrolmentId: string; prescription: EnrolledPrescriptionV1; patient: { pseudonym: string; identityEncrypted: string } })
  | (Base & { type: 'ExtendEnrolment'; prescription: EnrolledPrescriptionV1; renewalOf: string; deviceStillFree: boolean })
  | (ByUser & {
      type: 'RecordConsent';
      consentId: string;
      decision: ConsentDecisionV1;
      consentTextVersion: string;
      method: ConsentMethodV1;
      signedAt: Date;
      signedBy: ConsentSignerV1;
      representative?: { role: RepresentativeRoleV1 };
      /** The patient's age on the day of `signedAt`; null when their identity can no longer be read (erased). */
      patientAgeOnSigning: number | null;
    })
  | (ByUser & { type: 'WithdrawConsent' })
  | (ByUser & { type: 'RequestRightsCheck' })
  | (Base & { type: 'RecordRights'; request: number; status: Exclude<RightsStatusV1, 'PENDING'>; attempts: number })
  | (ByUser & { type: 'AssignDevice'; serialNumber: string; udiDi: string })
  | (ByUser & { type: 'ActivateEnrolment'; activatedAt: Date; certification: CertificationInForce | null })
  | (ByUser & { type: 'SuspendEnrolment'; reason: SealedTextV1 })
  | (ByUser & { type: 'ResumeEnrolment'; certification: CertificationInForce | null })
  | (ByUser & { type: 'EndEnrolment'; reason: SealedTextV1 })
  /** The platform's reactions to another service's event: nothing when they do not apply. */
  | (Base & { type: 'SuspendForDevice'; cause: 'DEVICE_SUSPENDED' | 'DEVICE_REVOKED' | 'CERTIFICATION_EXPIRED'; causedBy: CausingEventV1 })
  | (Base & { type: 'ResumeAfterReinstatement'; certification: CertificationInForce | null; causedBy: CausingEventV1 })
  | (Base & { type: 'EndWithPrescription'; cause: 'PRESCRIPTION_CANCELLED' | 'PRESCRIPTION_EXPIRED'; prescriptionId: string; today: string; causedBy: CausingEventV1 | null })
  | (ByUser & { type: 'RecordIncident'; incidentId: string; startedAt: Date; endedAt: Date | null; cause: IncidentCauseV1 })
  | (ByUser & { type: 'UpdateIncident'; incidentId: string; endedAt?: Date; cause?: IncidentCauseV1 })
  /** The platform's silence detection (DOMAIN.md "Connectivity"): incidents it opens, moves and withdraws. */
  | (Base & { type: 'OpenSilenceIncident'; incidentId: string; startedAt: Date; endedAt: Date | null })
  | (Base & { type: 'MoveSilenceIncident'; incidentId: string; startedAt: Date; endedAt: Date | null; change: 'CLOSED' | 'LATE_TRANSMISSIONS' })
  | (Base & { type: 'WithdrawSilenceIncident'; incidentId: string })
  | (Base & { type: 'RecordObservanceLow'; month: 1 | 2; from: string; to: string; daysWithData: number; days: number });

export type EnrolmentCommandType = EnrolmentCommand['type'];
export type CommandOf<T extends EnrolmentCommandType> = Extract<EnrolmentCommand, { type: T }>;
