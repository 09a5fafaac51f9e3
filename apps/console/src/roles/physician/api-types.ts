/**
 * The parts of API.md's resources the physician's screens read, as the
 * gateway serves them to a prescriber (who alone gets the patient's identity).
 */

export const INDICATIONS = ['HEART_FAILURE', 'CHRONIC_RESPIRATORY_FAILURE', 'CHRONIC_KIDNEY_FAILURE', 'DIABETES', 'IMPLANTED_CARDIAC_DEVICE'] as const;
export type Indication = (typeof INDICATIONS)[number];

export const HOME_COVERAGES = ['GOOD', 'POOR', 'NONE', 'UNKNOWN'] as const;
export type HomeCoverage = (typeof HOME_COVERAGES)[number];

export const MONITORING_MODES = ['PERIODIC', 'CRITICAL_ALERTS'] as const;
export type MonitoringMode = (typeof MONITORING_MODES)[number];

export const PATIENT_SEXES = ['F', 'M', 'U'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

export const PRESCRIPTION_STATUSES = ['ISSUED', 'CANCELLED', 'EXPIRED'] as const;

export type Outcome = 'PASS' | 'WARN' | 'BLOCK';

export interface RuleResult {
  ruleId: string;
  outcome: Outcome;
  message: string;
}

/** What the HAS referential says of a request (the dry run's answer, a prescription's `evaluation`, a 422's `error.evaluation`). */
export interface Evaluation {
  referentialVersion: string;
  results: RuleResult[];
}

export interface PrescriptionView {
  id: string;
  status: string;
  version: number;
  prescriber: { rpps: string; specialty: string };
  /** The identity fields read "erased" once the patient is erased. */
  patient: {
    pseudonym: string;
    ald: boolean;
    homeCellularCoverage: HomeCoverage;
    nir?: string;
    birthDate?: string;
    familyName?: string;
    givenNames?: string;
    sex?: string;
  };
  operatorOrg: string;
  device: { id: string; udiDi: string };
  indication: Indication;
  monitoringMode: MonitoringMode;
  durationMonths: number;
  startDate: string;
  endDate: string;
  renewalOf: string | null;
  evaluation: Evaluation;
  overrides: { ruleId: string; justification?: string }[];
  cancellation: { reason?: string; cancelledAt: string } | null;
  issuedAt: string;
  expiredAt: string | null;
}

/** A device as the form and a prescription's page read it: the one view of `src/devices`. */
export type { DeviceView } from '../../devices/device-view';

export interface EnrolmentView {
  id: string;
  status: string;
  prescriptionId: string;
  prescriptionIds: string[];
  operatorOrg: string;
  consent?: { decision?: string; signedAt: string; method: string };
  rights: { status: string; checkedAt?: string };
  device?: { serialNumber: string; udiDi: string };
  activatedAt?: string;
  endedAt?: string;
  endCause?: string;
  lastTransmissionAt?: string;
}

export interface NotificationView {
  id: string;
  type: string;
  status: 'UNREAD' | 'READ';
  createdAt: string;
  readAt?: string;
  subject: string;
  relatedSubjects: string[];
  message: string;
}

/** The error body of a 422 `PRESCRIPTION.RULES_REFUSED`: the refused evaluation and the audited attempt. */
export interface RefusedBody {
  error?: { code?: string; evaluation?: Evaluation; attemptId?: string };
}
