import type { SealedTextV1 } from '../personal-data';
import { TOPICS } from '../topics';
import type { IndicationCode } from '../vocabulary';
import { eventContract, type EventOf } from './event-contract';
import type { MonitoringModeV1 } from './prescription.v1';

/*
 * enrolment.events.v1: the Enrolment stream's events (key and `streamId` =
 * the enrolment id). What claims needs to bill travels here: the activity
 * periods (activation, suspensions, resumptions, end, with their instants),
 * the connectivity incidents with their cause, the consent state, the
 * operator org and the device's UDI-DI. The patient is a pseudonym; the
 * identity (what the AMO rights check needs) is encrypted under the patient's
 * own data key, bound to `fieldAad('enrolment:<enrolmentId>', 'patient.identity')`,
 * and free text (a reason) is sealed under that key too.
 */

export type EnrolmentStatusV1 = 'PENDING_CONSENT' | 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED' | 'ENDED';
export type RightsStatusV1 = 'PENDING' | 'OPEN' | 'CLOSED' | 'UNAVAILABLE';
export type ConsentDecisionV1 = 'GIVEN' | 'REFUSED';
export type ConsentMethodV1 = 'ELECTRONIC' | 'PAPER';
export type ConsentSignerV1 = 'PATIENT' | 'LEGAL_REPRESENTATIVE';
export type RepresentativeRoleV1 = 'PARENT' | 'GUARDIAN' | 'OTHER';
export type IncidentCauseV1 = 'NETWORK_COVERAGE' | 'DEVICE_FAULT' | 'PATIENT' | 'UNKNOWN';
/** DOMAIN.md "Responsibility": who answers for a connectivity incident, by its cause. */
export type ResponsiblePartyV1 = 'physician' | 'operator' | 'vendor' | 'patient';
export type SuspensionCauseV1 =
  | 'CONSENT_WITHDRAWN'
  | 'DEVICE_SUSPENDED'
  | 'DEVICE_REVOKED'
  | 'CERTIFICATION_EXPIRED'
  | 'BY_OPERATOR'
  | 'BY_PRESCRIBER';
export type EndCauseV1 = 'PRESCRIPTION_EXPIRED' | 'PRESCRIPTION_CANCELLED' | 'BY_OPERATOR' | 'BY_PRESCRIBER';

/** Who took a step: a user (role and id, with the RPPS of a physician, the org of an operator) or the platform. */
export type StepActorV1 = { role: string; id: string; rpps?: string; org?: string };

/** The event of another service a step reacted to. */
export type CausingEventV1 = { eventId: string; type: string; streamId: string };

/** Where each sealed field of an enrolment is bound (the `field` of `fieldAad('enrolment:<id>', field)`). */
export const ENROLMENT_SEALED_FIELDS = {
  identity: 'patient.identity',
  /** A suspension's or end's reason, by the instant of its step (`suspendedAt`, `endedAt`): two steps never share one. */
  reason: (step: 'suspension' | 'end', at: string) => `${step}.${at}.reason`,
} as const;

/** The prescription in force, as the enrolment relies on it. */
export type EnrolledPrescriptionV1 = {
  prescriptionId: string;
  prescriberRpps: string;
  operatorOrg: string;
  device: { id: string; udiDi: string };
  indication: IndicationCode;
  monitoringMode: MonitoringModeV1;
  startDate: string;
  endDate: string;
  ald: boolean;
  /** The prescriber overrode the HOME_COVERAGE warning: a NETWORK_COVERAGE incident is then theirs. */
  homeCoverageOverridden: boolean;
};

export type ConsentRecordedV1 = {
  consentId: string;
  decision: ConsentDecisionV1;
  consentTextVersion: string;
  method: ConsentMethodV1;
  signedAt: string;
  signedBy: ConsentSignerV1;
  representative?: { role: RepresentativeRoleV1 };
  recordedBy: StepActorV1;
  recordedAt: string;
};

export type ConnectivityIncidentV1 = {
  incidentId: string;
  startedAt: string;
  endedAt: string | null;
  cause: IncidentCauseV1;
  responsibleParty: ResponsiblePartyV1;
  openedBy: 'system' | 'operator';
};

export type EnrolmentEventsV1 = {
  /** Created by the platform for a first prescription (never for a renewal). */
  EnrolmentCreated: {
    enrolmentId: string;
    prescription: EnrolledPrescriptionV1;
    patient: { pseudonym: string; identityEncrypted: string };
    createdAt: string;
  };
  /** A renewal issued: the enrolment continues under it; `reopened` when it had ENDED with its expired prescription. */
  EnrolmentExtended: {
    prescription: EnrolledPrescriptionV1;
    renewalOf: string;
    reopened: boolean;
    /** Reopened without its device: the serial had been assigned to another enrolment meanwhile. */
    deviceReleased: boolean;
    extendedAt: string;
  };
  ConsentRecorded: ConsentRecordedV1;
  ConsentWithdrawn: { consentId: string; withdrawnAt: string; withdrawnBy: StepActorV1 };
  /** `request` numbers the checks of this enrolment: a late answer to an older one is ignored. */
  RightsCheckRequested: { request: number; requestedAt: string; requestedBy: StepActorV1 };
  RightsChecked: { request: number; status: Exclude<RightsStatusV1, 'PENDING'>; checkedAt: string; attempts: number };
  DeviceAssigned: { serialNumber: string; udiDi: string; assignedAt: string; replaced: { serialNumber: string; udiDi: string } | null };
  EnrolmentActivated: {
    activatedAt: string;
    consentId: string;
    device: { serialNumber: string; udiDi: string };
    certification: { validUntil: string };
  };
  /** `causedBy`: the event of another service the platform reacted to (a device suspended), when it did. */
  EnrolmentSuspended: { cause: SuspensionCauseV1; reason: SealedTextV1 | null; suspendedAt: string; suspendedBy: StepActorV1; causedBy: CausingEventV1 | null };
  EnrolmentResumed: { resumedAt: string; resumedBy: StepActorV1; causedBy: CausingEventV1 | null };
  EnrolmentEnded: { cause: EndCauseV1; reason: SealedTextV1 | null; endedAt: string; endedBy: StepActorV1; causedBy: CausingEventV1 | null };
  ConnectivityIncidentOpened: ConnectivityIncidentV1 & { recordedAt: string };
  /** Closed, re-qualified by the operator, or moved by transmissions reported late. */
  ConnectivityIncidentUpdated: ConnectivityIncidentV1 & { change: 'CLOSED' | 'REQUALIFIED' | 'LATE_TRANSMISSIONS'; updatedAt: string };
  /** Late transmissions covered the whole silence: there was no incident. */
  ConnectivityIncidentWithdrawn: { incidentId: string; withdrawnAt: string };
  /** A month of the first two of monitoring ended with data on fewer than half its days: the prescriber is told. */
  ObservanceLow: { month: 1 | 2; from: string; to: string; daysWithData: number; days: number; prescriberRpps: string };
};

export type EnrolmentEventV1 = EventOf<EnrolmentEventsV1>;

export const ENROLMENT_EVENTS_V1 = eventContract<EnrolmentEventsV1>(TOPICS.enrolment, {
  EnrolmentCreated: 1,
  EnrolmentExtended: 1,
  ConsentRecorded: 1,
  ConsentWithdrawn: 1,
  RightsCheckRequested: 1,
  RightsChecked: 1,
  DeviceAssigned: 1,
  EnrolmentActivated: 1,
  EnrolmentSuspended: 1,
  EnrolmentResumed: 1,
  EnrolmentEnded: 1,
  ConnectivityIncidentOpened: 1,
  ConnectivityIncidentUpdated: 1,
  ConnectivityIncidentWithdrawn: 1,
  ObservanceLow: 1,
});
