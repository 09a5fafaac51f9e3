import type {
  ConnectivityIncidentV1,
  ConsentRecordedV1,
  EndCauseV1,
  EnrolledPrescriptionV1,
  EnrolmentEventV1,
  EnrolmentStatusV1,
  RightsStatusV1,
  SuspensionCauseV1,
} from '@app/contracts';

export type EnrolmentStatus = EnrolmentStatusV1;
export type EnrolmentEvent = EnrolmentEventV1;

/** One consent record, kept with its history: a withdrawal marks it, never replaces it. */
export type ConsentRecord = ConsentRecordedV1 & { withdrawnAt?: string };

export interface Enrolment {
  status: EnrolmentStatus;
  enrolmentId: string;
  /** The prescription in force: the last of the chain. */
  prescription: EnrolledPrescriptionV1;
  /** The renewal chain, first prescription first. */
  prescriptionIds: string[];
  prescriberRpps: string[];
  prescriptionStatus: 'ISSUED' | 'CANCELLED' | 'EXPIRED';
  patient: { pseudonym: string; identityEncrypted: string };
  consents: ConsentRecord[];
  /** The given consent not withdrawn, if any: what activation and resumption need. */
  consentInForce: string | null;
  rights: { status: RightsStatusV1; checkedAt?: string; request: number };
  device: { serialNumber: string; udiDi: string } | null;
  activatedAt: string | null;
  suspension: { cause: SuspensionCauseV1; since: string } | null;
  end: { cause: EndCauseV1; endedAt: string } | null;
  incidents: ConnectivityIncidentV1[];
  /** The months of the first two whose low observance was told. */
  observanceLow: number[];
  createdAt: string;
}

export type EnrolmentState = { status: 'NONE' } | Enrolment;

export const initialEnrolmentState = (): EnrolmentState => ({ status: 'NONE' });

export const consentInForceOf = (enrolment: Enrolment): ConsentRecord | undefined =>
  enrolment.consents.find((consent) => consent.consentId === enrolment.consentInForce);

/** Where an enrolment waits when it is not monitoring: for a consent, or for its activation. */
const waiting = (consentInForce: string | null): EnrolmentStatus => (consentInForce ? 'PENDING_ACTIVATION' : 'PENDING_CONSENT');

/** An incident keeps its place in the list when it changes. */
const upsertIncident = (incidents: ConnectivityIncidentV1[], incident: ConnectivityIncidentV1): ConnectivityIncidentV1[] =>
  incidents.some((known) => known.incidentId === incident.incidentId)
    ? incidents.map((known) => (known.incidentId === incident.incidentId ? incident : known))
    : [...incidents, incident];

const withoutTime = <T extends { recordedAt?: string; updatedAt?: string; change?: string }>(data: T): ConnectivityIncidentV1 => {
  const { incidentId, startedAt, endedAt, cause, responsibleParty, openedBy } = data as unknown as ConnectivityIncidentV1;
  return { incidentId, startedAt, endedAt, cause, responsibleParty, openedBy };
};

/** Folds one event into the state. Pure. */
export function evolveEnrolment(state: EnrolmentState, event: EnrolmentEvent): EnrolmentState {
  if (event.type === 'EnrolmentCreated') {
    const { enrolmentId, prescription, patient, createdAt } = event.data;
    return {
      status: 'PENDING_CONSENT',
      enrolmentId,
      prescription,
      prescriptionIds: [prescription.prescriptionId],
      prescriberRpps: [prescription.prescriberRpps],
      prescriptionStatus: 'ISSUED',
      patient,
      consents: [],
      consentInForce: null,
      rights: { status: 'PENDING', request: 1 },
      device: null,
      activatedAt: null,
      suspension: null,
      end: null,
      incidents: [],
      observanceLow: [],
      createdAt,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'EnrolmentExtended': {
      const { prescription, reopened, deviceReleased } = event.data;
      const extended: Enrolment = {
        ...state,
        prescription,
        prescriptionIds: [...state.prescriptionIds, prescription.prescriptionId],
        prescriberRpps: [...new Set([...state.prescriberRpps, prescription.prescriberRpps])],
        prescriptionStatus: 'ISSUED',
      };
      if (!reopened) return extended;
      return { ...extended, status: waiting(state.consentInForce), end: null, activatedAt: null, device: deviceReleased ? null : state.device };
    }
    case 'ConsentRecorded': {
      const consents = [...state.consents, event.data];
      if (event.data.decision !== 'GIVEN') return { ...state, consents };
      const status = state.status === 'PENDING_CONSENT' ? 'PENDING_ACTIVATION' : state.status;
      return { ...state, consents, consentInForce: event.data.consentId, status };
    }
    case 'ConsentWithdrawn': {
      const consents = state.consents.map((consent) =>
        consent.consentId === event.data.consentId ? { ...consent, withdrawnAt: event.data.withdrawnAt } : consent,
      );
      const status = state.status === 'PENDING_ACTIVATION' ? 'PENDING_CONSENT' : state.status;
      return { ...state, consents, consentInForce: null, status };
    }
    case 'RightsCheckRequested':
      return { ...state, rights: { status: 'PENDING', request: event.data.request, checkedAt: state.rights.checkedAt } };
    case 'RightsChecked':
      return { ...state, rights: { status: event.data.status, checkedAt: event.data.checkedAt, request: event.data.request } };
    case 'DeviceAssigned':
      return { ...state, device: { serialNumber: event.data.serialNumber, udiDi: event.data.udiDi } };
    case 'EnrolmentActivated':
      return { ...state, status: 'ACTIVE', activatedAt: event.data.activatedAt, suspension: null };
    case 'EnrolmentSuspended':
      return { ...state, status: 'SUSPENDED', suspension: { cause: event.data.cause, since: event.data.suspendedAt } };
    case 'EnrolmentResumed':
      return { ...state, status: 'ACTIVE', suspension: null };
    case 'EnrolmentEnded': {
      const prescriptionStatus =
        event.data.cause === 'PRESCRIPTION_CANCELLED' ? 'CANCELLED' : event.data.cause === 'PRESCRIPTION_EXPIRED' ? 'EXPIRED' : state.prescriptionStatus;
      return { ...state, status: 'ENDED', suspension: null, end: { cause: event.data.cause, endedAt: event.data.endedAt }, prescriptionStatus };
    }
    case 'ConnectivityIncidentOpened':
    case 'ConnectivityIncidentUpdated':
      return { ...state, incidents: upsertIncident(state.incidents, withoutTime(event.data)) };
    case 'ConnectivityIncidentWithdrawn':
      return { ...state, incidents: state.incidents.filter((incident) => incident.incidentId !== event.data.incidentId) };
    case 'ObservanceLow':
      return { ...state, observanceLow: [...state.observanceLow, event.data.month] };
    default:
      return state;
  }
}
