import type { ConnectivityIncidentV1, EndCauseV1, RightsStatusV1, SuspensionCauseV1 } from '@app/contracts';
import { consentInForceOf, type ConsentRecord, type Enrolment, type EnrolmentStatus } from '../domain/enrolment.state';

/** A consent as API.md serves it. */
export type ConsentView = Omit<ConsentRecord, 'consentId'> & { id: string };

/** What the transmissions add to an enrolment when it is read (they change without a step of the enrolment). */
export interface MonitoringView {
  lastTransmissionAt?: string;
  observance?: Array<{ month: number; from: string; to: string; daysWithData: number; days: number }>;
}

/** The API representation of an enrolment (API.md "Enrolment"), as its row stores it. */
export interface StoredEnrolmentView {
  id: string;
  status: EnrolmentStatus;
  version: number;
  prescriptionId: string;
  prescriptionIds: string[];
  deviceId: string;
  operatorOrg: string;
  indication: string;
  monitoringMode: string;
  patient: { pseudonym: string };
  consent?: ConsentView;
  consents: ConsentView[];
  /** `request` numbers the checks asked: the latest one's answer is the status. */
  rights: { status: RightsStatusV1; checkedAt?: string; request: number };
  device?: { serialNumber: string; udiDi: string };
  prescribedUdiDi: string;
  activatedAt?: string;
  suspension?: { cause: SuspensionCauseV1; since: string };
  endedAt?: string;
  endCause?: EndCauseV1;
  incidents: ConnectivityIncidentV1[];
  startDate: string;
  endDate: string;
  createdAt: string;
  updatedAt: string;
}

export type EnrolmentView = StoredEnrolmentView & MonitoringView;

const consentView = ({ consentId, ...consent }: ConsentRecord): ConsentView => ({ id: consentId, ...consent });

export function enrolmentView(state: Enrolment, version: number, updatedAt: string): StoredEnrolmentView {
  const latest = state.consents[state.consents.length - 1];
  const consent = consentInForceOf(state) ?? latest;
  return {
    id: state.enrolmentId,
    status: state.status,
    version,
    prescriptionId: state.prescription.prescriptionId,
    prescriptionIds: state.prescriptionIds,
    deviceId: state.prescription.device.id,
    operatorOrg: state.prescription.operatorOrg,
    indication: state.prescription.indication,
    monitoringMode: state.prescription.monitoringMode,
    patient: { pseudonym: state.patient.pseudonym },
    ...(consent ? { consent: consentView(consent) } : {}),
    consents: state.consents.map(consentView),
    rights: { status: state.rights.status, ...(state.rights.checkedAt ? { checkedAt: state.rights.checkedAt } : {}), request: state.rights.request },
    ...(state.device ? { device: state.device } : {}),
    prescribedUdiDi: state.prescription.device.udiDi,
    ...(state.activatedAt ? { activatedAt: state.activatedAt } : {}),
    ...(state.suspension ? { suspension: state.suspension } : {}),
    ...(state.end ? { endedAt: state.end.endedAt, endCause: state.end.cause } : {}),
    incidents: state.incidents,
    startDate: state.prescription.startDate,
    endDate: state.prescription.endDate,
    createdAt: state.createdAt,
    updatedAt,
  };
}
