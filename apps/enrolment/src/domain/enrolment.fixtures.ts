import type {
  Actor,
  ConnectivityIncidentV1,
  EnrolledPrescriptionV1,
  RightsStatusV1,
  SealedTextV1,
  StepActorV1,
  SuspensionCauseV1,
} from '@app/contracts';
import type { EnrolmentViewer } from './enrolment-visibility';
import type { CertificationInForce, CommandOf, EnrolmentCommandType } from './enrolment.commands';
import type { EnrolmentEvent } from './enrolment.state';

/*
 * Test data for the decider specs and the integration tests: a cardiologist's
 * PERIODIC heart-failure prescription followed by one telemonitoring operator,
 * an adult patient who consents, open rights, the prescribed device handed
 * over and monitoring started. Pure data: no clock, no I/O.
 */

export const ENROLMENT_ID = '01950000-0000-7000-8000-0000000000e1';
export const PRESCRIPTION_ID = '01950000-0000-7000-8000-0000000000a1';
export const RENEWAL_ID = '01950000-0000-7000-8000-0000000000a2';
export const OTHER_PRESCRIPTION_ID = '01950000-0000-7000-8000-0000000000a9';
export const DEVICE_ID = '01950000-0000-7000-8000-0000000000d1';
/** A GS1 GTIN-14 with its check digit. */
export const UDI_DI = '03612345678904';
export const OTHER_UDI_DI = '03760123450010';
export const SERIAL = 'CW2-000123';
export const OTHER_SERIAL = 'CW2-000456';
export const OPERATOR_ORG = 'operator-1';
export const OTHER_OPERATOR_ORG = 'operator-2';
export const PRESCRIBER_RPPS = '10012345673';
export const RENEWING_PRESCRIBER_RPPS = '10098765436';
export const PATIENT_PSEUDONYM = 'a'.repeat(64);
/** What the handler encrypts under the patient's key; the domain only carries it. */
export const IDENTITY_ENCRYPTED = 'pf1.1.iv.tag.identity-ciphertext';
export const CONSENT_ID = '01950000-0000-7000-8000-0000000000c1';
export const SECOND_CONSENT_ID = '01950000-0000-7000-8000-0000000000c2';
export const INCIDENT_ID = '01950000-0000-7000-8000-0000000000f1';
export const CAUSING_EVENT_ID = '01950000-0000-7000-8000-0000000000b1';

/** The timeline: issued on the 15th, consent on the 16th, device on the 17th, activation on the 18th, commands on the 20th. */
export const CREATED_AT = '2026-03-15T09:00:05.000Z';
export const RIGHTS_CHECKED_AT = '2026-03-15T09:01:00.000Z';
export const CONSENT_SIGNED_AT = '2026-03-16T10:00:00.000Z';
export const CONSENT_RECORDED_AT = '2026-03-16T10:05:00.000Z';
export const DEVICE_ASSIGNED_AT = '2026-03-17T14:00:00.000Z';
export const ACTIVATED_AT = '2026-03-18T08:00:00.000Z';
export const NOW = new Date('2026-03-20T09:00:00.000Z');
export const at = (instant: string): Date => new Date(instant);

// Actors: who takes a step (what the event records) and how they see the enrolment (what admission checks).

export const OPERATOR: StepActorV1 = { role: 'operator', id: 'operator-user-1', org: OPERATOR_ORG };
export const OTHER_OPERATOR: StepActorV1 = { role: 'operator', id: 'operator-user-2', org: OTHER_OPERATOR_ORG };
export const PRESCRIBER: StepActorV1 = { role: 'physician', id: 'physician-user-1', rpps: PRESCRIBER_RPPS };
export const RENEWING_PRESCRIBER: StepActorV1 = { role: 'physician', id: 'physician-user-2', rpps: RENEWING_PRESCRIBER_RPPS };
export const PATIENT: StepActorV1 = { role: 'patient', id: 'patient-user-1' };
/** The platform acting by itself (a reaction, a sweep). */
export const SYSTEM: StepActorV1 = { role: 'system', id: 'system:enrolment' };

/** The viewer a token of this actor gives (a patient's token carries the enrolment's patient pseudonym unless told otherwise). */
export function viewerOf(actor: StepActorV1, pseudonym = PATIENT_PSEUDONYM): EnrolmentViewer {
  const role = actor.role as EnrolmentViewer['role'];
  if (role === 'operator') return { role, org: actor.org };
  if (role === 'physician') return { role, rpps: actor.rpps };
  if (role === 'patient') return { role, pseudonym };
  return { role };
}

/** `by` and `viewer` of a user's command. */
export const byUser = (actor: StepActorV1 = OPERATOR) => ({ by: actor, viewer: viewerOf(actor) });

/** The actor an audit entry names. */
export const auditActorOf = (actor: StepActorV1): Actor => ({ id: actor.id, role: actor.role as Actor['role'] });

/** A free text as the handler hands it to the decider (sealing is not the decider's business: a stand-in). */
export const sealed = (text: string): SealedTextV1 => ({ commitment: `commitment of ${text}`, ciphertext: `ciphertext of ${text}` });

export const causingEvent = (type = 'DeviceSuspended', streamId = DEVICE_ID, eventId = CAUSING_EVENT_ID) => ({ eventId, type, streamId });

// Facts the commands carry.

export const prescription = (overrides: Partial<EnrolledPrescriptionV1> = {}): EnrolledPrescriptionV1 => ({
  prescriptionId: PRESCRIPTION_ID,
  prescriberRpps: PRESCRIBER_RPPS,
  operatorOrg: OPERATOR_ORG,
  device: { id: DEVICE_ID, udiDi: UDI_DI },
  indication: 'HEART_FAILURE',
  monitoringMode: 'PERIODIC',
  startDate: '2026-03-15',
  endDate: '2026-09-14',
  ald: true,
  homeCoverageOverridden: false,
  ...overrides,
});

/** The renewal of `prescription()`: the next six months, by another cardiologist. */
export const renewal = (overrides: Partial<EnrolledPrescriptionV1> = {}): EnrolledPrescriptionV1 =>
  prescription({ prescriptionId: RENEWAL_ID, prescriberRpps: RENEWING_PRESCRIBER_RPPS, startDate: '2026-09-15', endDate: '2027-03-14', ...overrides });

export const certificationInForce = (overrides: Partial<CertificationInForce> = {}): CertificationInForce => ({
  status: 'CERTIFIED',
  validUntil: '2027-12-31T00:00:00.000Z',
  ...overrides,
});

// Events.

type EventNamed<T extends EnrolmentEvent['type']> = Extract<EnrolmentEvent, { type: T }>;
type DataOf<T extends EnrolmentEvent['type']> = EventNamed<T>['data'];
const event = <T extends EnrolmentEvent['type']>(type: T, data: DataOf<T>): EventNamed<T> => ({ type, data }) as EventNamed<T>;

export const created = (overrides: Partial<DataOf<'EnrolmentCreated'>> = {}) =>
  event('EnrolmentCreated', {
    enrolmentId: ENROLMENT_ID,
    prescription: prescription(),
    patient: { pseudonym: PATIENT_PSEUDONYM, identityEncrypted: IDENTITY_ENCRYPTED },
    createdAt: CREATED_AT,
    ...overrides,
  });

export const extended = (overrides: Partial<DataOf<'EnrolmentExtended'>> = {}) =>
  event('EnrolmentExtended', {
    prescription: renewal(),
    renewalOf: PRESCRIPTION_ID,
    reopened: false,
    deviceReleased: false,
    extendedAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  });

export const consentGiven = (overrides: Partial<DataOf<'ConsentRecorded'>> = {}) =>
  event('ConsentRecorded', {
    consentId: CONSENT_ID,
    decision: 'GIVEN',
    consentTextVersion: 'consent-2026.1',
    method: 'ELECTRONIC',
    signedAt: CONSENT_SIGNED_AT,
    signedBy: 'PATIENT',
    recordedBy: PATIENT,
    recordedAt: CONSENT_RECORDED_AT,
    ...overrides,
  });

export const consentRefused = (overrides: Partial<DataOf<'ConsentRecorded'>> = {}) => consentGiven({ decision: 'REFUSED', ...overrides });

export const consentWithdrawn = (overrides: Partial<DataOf<'ConsentWithdrawn'>> = {}) =>
  event('ConsentWithdrawn', { consentId: CONSENT_ID, withdrawnAt: '2026-03-19T08:00:00.000Z', withdrawnBy: PATIENT, ...overrides });

export const rightsCheckRequested = (request = 2, overrides: Partial<DataOf<'RightsCheckRequested'>> = {}) =>
  event('RightsCheckRequested', { request, requestedAt: '2026-03-15T12:00:00.000Z', requestedBy: OPERATOR, ...overrides });

/** The AMO's answer; request 1 is the check every enrolment starts with. */
export const rightsChecked = (status: Exclude<RightsStatusV1, 'PENDING'> = 'OPEN', request = 1, overrides: Partial<DataOf<'RightsChecked'>> = {}) =>
  event('RightsChecked', { request, status, checkedAt: RIGHTS_CHECKED_AT, attempts: 1, ...overrides });

export const deviceAssigned = (overrides: Partial<DataOf<'DeviceAssigned'>> = {}) =>
  event('DeviceAssigned', { serialNumber: SERIAL, udiDi: UDI_DI, assignedAt: DEVICE_ASSIGNED_AT, replaced: null, ...overrides });

export const activated = (overrides: Partial<DataOf<'EnrolmentActivated'>> = {}) =>
  event('EnrolmentActivated', {
    activatedAt: ACTIVATED_AT,
    consentId: CONSENT_ID,
    device: { serialNumber: SERIAL, udiDi: UDI_DI },
    certification: { validUntil: certificationInForce().validUntil },
    ...overrides,
  });

export const suspended = (cause: SuspensionCauseV1 = 'BY_OPERATOR', overrides: Partial<DataOf<'EnrolmentSuspended'>> = {}) =>
  event('EnrolmentSuspended', {
    cause,
    reason: cause === 'BY_OPERATOR' || cause === 'BY_PRESCRIBER' ? sealed('patient in hospital') : null,
    suspendedAt: '2026-03-19T08:00:00.000Z',
    suspendedBy: cause === 'BY_PRESCRIBER' ? PRESCRIBER : cause === 'BY_OPERATOR' ? OPERATOR : cause === 'CONSENT_WITHDRAWN' ? PATIENT : SYSTEM,
    causedBy: cause.startsWith('DEVICE_') || cause === 'CERTIFICATION_EXPIRED' ? causingEvent() : null,
    ...overrides,
  });

export const resumed = (overrides: Partial<DataOf<'EnrolmentResumed'>> = {}) =>
  event('EnrolmentResumed', { resumedAt: '2026-03-19T18:00:00.000Z', resumedBy: OPERATOR, causedBy: null, ...overrides });

export const ended = (cause: DataOf<'EnrolmentEnded'>['cause'] = 'PRESCRIPTION_EXPIRED', overrides: Partial<DataOf<'EnrolmentEnded'>> = {}) =>
  event('EnrolmentEnded', {
    cause,
    reason: cause === 'BY_OPERATOR' || cause === 'BY_PRESCRIBER' ? sealed('monitoring no longer useful') : null,
    endedAt: cause === 'PRESCRIPTION_EXPIRED' ? '2026-09-15T00:01:00.000Z' : '2026-03-19T08:00:00.000Z',
    endedBy: cause === 'BY_PRESCRIBER' ? PRESCRIBER : cause === 'BY_OPERATOR' ? OPERATOR : SYSTEM,
    causedBy: null,
    ...overrides,
  });

export const incident = (overrides: Partial<ConnectivityIncidentV1> = {}): ConnectivityIncidentV1 => ({
  incidentId: INCIDENT_ID,
  startedAt: '2026-03-19T02:00:00.000Z',
  endedAt: null,
  cause: 'UNKNOWN',
  responsibleParty: 'operator',
  openedBy: 'operator',
  ...overrides,
});

export const incidentOpened = (overrides: Partial<DataOf<'ConnectivityIncidentOpened'>> = {}) =>
  event('ConnectivityIncidentOpened', { ...incident(), recordedAt: '2026-03-19T09:00:00.000Z', ...overrides });

/** What the platform's silence detection opens: from the last transmission plus the interval, cause unknown. */
export const silenceIncidentOpened = (overrides: Partial<DataOf<'ConnectivityIncidentOpened'>> = {}) =>
  incidentOpened({ openedBy: 'system', cause: 'UNKNOWN', responsibleParty: 'operator', startedAt: '2026-03-19T10:00:00.000Z', ...overrides });

export const incidentUpdated = (overrides: Partial<DataOf<'ConnectivityIncidentUpdated'>> = {}) =>
  event('ConnectivityIncidentUpdated', { ...incident(), change: 'CLOSED', updatedAt: '2026-03-19T12:00:00.000Z', ...overrides });

export const incidentWithdrawn = (overrides: Partial<DataOf<'ConnectivityIncidentWithdrawn'>> = {}) =>
  event('ConnectivityIncidentWithdrawn', { incidentId: INCIDENT_ID, withdrawnAt: '2026-03-19T12:00:00.000Z', ...overrides });

export const observanceLow = (overrides: Partial<DataOf<'ObservanceLow'>> = {}) =>
  event('ObservanceLow', { month: 1, from: '2026-03-18', to: '2026-04-17', daysWithData: 10, days: 31, prescriberRpps: PRESCRIBER_RPPS, ...overrides });

// Histories: the past events of an enrolment at each stage.

/** Created, waiting for a consent (rights check 1 in flight). */
export const pendingConsentHistory = (): EnrolmentEvent[] => [created()];
/** Consent given, nothing else yet. */
export const pendingActivationHistory = (): EnrolmentEvent[] => [created(), consentGiven()];
/** Everything activation needs: consent, open rights, the prescribed device. */
export const readyToActivateHistory = (): EnrolmentEvent[] => [created(), consentGiven(), rightsChecked('OPEN'), deviceAssigned()];
export const activeHistory = (): EnrolmentEvent[] => [...readyToActivateHistory(), activated()];
export const suspendedHistory = (cause: SuspensionCauseV1 = 'BY_OPERATOR'): EnrolmentEvent[] => [...activeHistory(), suspended(cause)];
/** Monitored until its prescription expired. */
export const expiredHistory = (): EnrolmentEvent[] => [...activeHistory(), ended('PRESCRIPTION_EXPIRED')];
/** Active, after the patient withdrew their consent. */
export const withdrawnWhileActiveHistory = (): EnrolmentEvent[] => [
  ...activeHistory(),
  consentWithdrawn(),
  suspended('CONSENT_WITHDRAWN'),
];

// Commands: every fact the decision needs, the platform clock's `now` included.

type Fields<T extends EnrolmentCommandType> = Omit<CommandOf<T>, 'type'>;
const command = <T extends EnrolmentCommandType>(type: T, fields: Fields<T>): CommandOf<T> => ({ type, ...fields }) as CommandOf<T>;

export const createEnrolment = (overrides: Partial<Fields<'CreateEnrolment'>> = {}) =>
  command('CreateEnrolment', {
    now: at(CREATED_AT),
    enrolmentId: ENROLMENT_ID,
    prescription: prescription(),
    patient: { pseudonym: PATIENT_PSEUDONYM, identityEncrypted: IDENTITY_ENCRYPTED },
    ...overrides,
  });

export const extendEnrolment = (overrides: Partial<Fields<'ExtendEnrolment'>> = {}) =>
  command('ExtendEnrolment', { now: NOW, prescription: renewal(), renewalOf: PRESCRIPTION_ID, deviceStillFree: true, ...overrides });

/** The adult patient giving their consent electronically, themselves. */
export const recordConsent = (overrides: Partial<Fields<'RecordConsent'>> = {}) =>
  command('RecordConsent', {
    now: NOW,
    ...byUser(PATIENT),
    consentId: CONSENT_ID,
    decision: 'GIVEN',
    consentTextVersion: 'consent-2026.1',
    method: 'ELECTRONIC',
    signedAt: at(CONSENT_SIGNED_AT),
    signedBy: 'PATIENT',
    patientAgeOnSigning: 67,
    ...overrides,
  });

export const withdrawConsent = (actor: StepActorV1 = PATIENT, overrides: Partial<Fields<'WithdrawConsent'>> = {}) =>
  command('WithdrawConsent', { now: NOW, ...byUser(actor), ...overrides });

export const requestRightsCheck = (overrides: Partial<Fields<'RequestRightsCheck'>> = {}) =>
  command('RequestRightsCheck', { now: NOW, ...byUser(OPERATOR), ...overrides });

export const recordRights = (status: Exclude<RightsStatusV1, 'PENDING'> = 'OPEN', request = 1, overrides: Partial<Fields<'RecordRights'>> = {}) =>
  command('RecordRights', { now: NOW, request, status, attempts: 1, ...overrides });

export const assignDevice = (overrides: Partial<Fields<'AssignDevice'>> = {}) =>
  command('AssignDevice', { now: NOW, ...byUser(OPERATOR), serialNumber: SERIAL, udiDi: UDI_DI, ...overrides });

export const activateEnrolment = (overrides: Partial<Fields<'ActivateEnrolment'>> = {}) =>
  command('ActivateEnrolment', { now: NOW, ...byUser(OPERATOR), activatedAt: at(ACTIVATED_AT), certification: certificationInForce(), ...overrides });

export const suspendEnrolment = (actor: StepActorV1 = OPERATOR, overrides: Partial<Fields<'SuspendEnrolment'>> = {}) =>
  command('SuspendEnrolment', { now: NOW, ...byUser(actor), reason: sealed('patient in hospital'), ...overrides });

export const resumeEnrolment = (actor: StepActorV1 = OPERATOR, overrides: Partial<Fields<'ResumeEnrolment'>> = {}) =>
  command('ResumeEnrolment', { now: NOW, ...byUser(actor), certification: certificationInForce(), ...overrides });

export const endEnrolment = (actor: StepActorV1 = OPERATOR, overrides: Partial<Fields<'EndEnrolment'>> = {}) =>
  command('EndEnrolment', { now: NOW, ...byUser(actor), reason: sealed('monitoring no longer useful'), ...overrides });

export const suspendForDevice = (cause: Fields<'SuspendForDevice'>['cause'] = 'DEVICE_SUSPENDED', overrides: Partial<Fields<'SuspendForDevice'>> = {}) =>
  command('SuspendForDevice', { now: NOW, cause, causedBy: causingEvent(cause === 'DEVICE_SUSPENDED' ? 'DeviceSuspended' : cause === 'DEVICE_REVOKED' ? 'DeviceRevoked' : 'DeviceCertificationExpired'), ...overrides });

export const resumeAfterReinstatement = (overrides: Partial<Fields<'ResumeAfterReinstatement'>> = {}) =>
  command('ResumeAfterReinstatement', { now: NOW, certification: certificationInForce(), causedBy: causingEvent('DeviceReinstated'), ...overrides });

export const endWithPrescription = (cause: Fields<'EndWithPrescription'>['cause'] = 'PRESCRIPTION_CANCELLED', overrides: Partial<Fields<'EndWithPrescription'>> = {}) =>
  command('EndWithPrescription', {
    now: NOW,
    cause,
    prescriptionId: PRESCRIPTION_ID,
    today: '2026-03-20',
    causedBy: causingEvent(cause === 'PRESCRIPTION_CANCELLED' ? 'PrescriptionCancelled' : 'PrescriptionExpired', PRESCRIPTION_ID),
    ...overrides,
  });

export const recordIncident = (overrides: Partial<Fields<'RecordIncident'>> = {}) =>
  command('RecordIncident', {
    now: NOW,
    ...byUser(OPERATOR),
    incidentId: INCIDENT_ID,
    startedAt: at('2026-03-19T02:00:00.000Z'),
    endedAt: null,
    cause: 'NETWORK_COVERAGE',
    ...overrides,
  });

export const updateIncident = (overrides: Partial<Fields<'UpdateIncident'>> = {}) =>
  command('UpdateIncident', { now: NOW, ...byUser(OPERATOR), incidentId: INCIDENT_ID, ...overrides });

export const openSilenceIncident = (overrides: Partial<Fields<'OpenSilenceIncident'>> = {}) =>
  command('OpenSilenceIncident', { now: NOW, incidentId: INCIDENT_ID, startedAt: at('2026-03-19T10:00:00.000Z'), endedAt: null, ...overrides });

export const moveSilenceIncident = (overrides: Partial<Fields<'MoveSilenceIncident'>> = {}) =>
  command('MoveSilenceIncident', {
    now: NOW,
    incidentId: INCIDENT_ID,
    startedAt: at('2026-03-19T10:00:00.000Z'),
    endedAt: at('2026-03-19T20:00:00.000Z'),
    change: 'LATE_TRANSMISSIONS',
    ...overrides,
  });

export const withdrawSilenceIncident = (overrides: Partial<Fields<'WithdrawSilenceIncident'>> = {}) =>
  command('WithdrawSilenceIncident', { now: NOW, incidentId: INCIDENT_ID, ...overrides });

export const recordObservanceLow = (overrides: Partial<Fields<'RecordObservanceLow'>> = {}) =>
  command('RecordObservanceLow', { now: at('2026-04-18T00:05:00.000Z'), month: 1, from: '2026-03-18', to: '2026-04-17', daysWithData: 10, days: 31, ...overrides });
