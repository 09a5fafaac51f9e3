/**
 * The parts of API.md's resources the workflow reads, as the gateway serves
 * them; other fields are there too (`[field: string]: unknown`).
 */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface RuleResult {
  ruleId: string;
  outcome: 'PASS' | 'WARN' | 'BLOCK';
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown[]; evaluation?: { referentialVersion: string; results: RuleResult[] }; attemptId?: string };
}

export interface DeviceView {
  id: string;
  status: string;
  version: number;
  udiDi: string;
  [field: string]: unknown;
}

export interface PrescriptionView {
  id: string;
  status: string;
  version: number;
  startDate: string;
  endDate: string;
  renewalOf?: string;
  evaluation: { referentialVersion: string; results: RuleResult[] };
  overrides?: Array<{ ruleId: string; justification: string }>;
  [field: string]: unknown;
}

export interface EnrolmentView {
  id: string;
  status: string;
  version: number;
  prescriptionId: string;
  prescriptionIds?: string[];
  deviceId: string;
  operatorOrg: string;
  rights: { status: 'PENDING' | 'OPEN' | 'CLOSED' | 'UNAVAILABLE'; checkedAt?: string };
  device?: { serialNumber: string; udiDi: string };
  activatedAt?: string;
  endedAt?: string;
  lastTransmissionAt?: string;
  incidents: IncidentView[];
  observance?: Array<{ month: number; from: string; to: string; daysWithData: number; days: number }>;
  [field: string]: unknown;
}

export interface IncidentView {
  incidentId: string;
  startedAt: string;
  endedAt: string | null;
  cause: string;
  responsibleParty: string;
  openedBy: 'system' | 'operator';
  [field: string]: unknown;
}

/** The answer of `POST /v1/enrolments/:id/connectivity-incidents`: the incident under `id` (inside an enrolment it is `incidentId`). */
export type RecordedIncident = Omit<IncidentView, 'incidentId'> & { id: string; enrolmentId: string };

export interface ClaimLine {
  kind: 'OPERATOR' | 'TECHNICAL';
  code: string;
  payee: string;
  amountCents: number;
  approvedCents?: number;
  [field: string]: unknown;
}

export interface ClaimView {
  id: string;
  enrolmentId: string;
  prescriptionId: string;
  period: string;
  status: string;
  billingRunId: string;
  tariffVersion: string;
  amoRatePercent: number;
  lines: ClaimLine[];
  billableDays: number;
  totalCents: number;
  approvedCents?: number;
  amoShareCents: number;
  patientShareCents: number;
  payment?: { reference: string; paidAt: string };
  rejection?: { source: string; reasonCode: string; note?: string };
  [field: string]: unknown;
}

export interface RemittanceView {
  id: string;
  payee: string;
  paidAt: string;
  reference: string;
  totalCents: number;
  claims: Array<{ claimId: string; lines: Array<{ kind: string; code: string; amountCents: number }>; amountCents: number }>;
  [field: string]: unknown;
}

export interface NotificationView {
  id: string;
  type: string;
  status: 'UNREAD' | 'READ';
  version: number;
  createdAt: string;
  readAt?: string;
  subject: string;
  relatedSubjects: string[];
  message: string;
}
