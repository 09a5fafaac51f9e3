/** The parts of API.md's resources the demo reads (the workflow client answers them untyped). */

export interface IncidentView {
  incidentId: string;
  startedAt: string;
  endedAt: string | null;
  cause: string;
  responsibleParty: string;
  openedBy: 'system' | 'operator';
}

export interface EnrolmentView {
  id: string;
  status: string;
  incidents: IncidentView[];
  observance?: Array<{ month: number; from: string; to: string; daysWithData: number; days: number }>;
}

export interface ClaimView {
  id: string;
  status: string;
  enrolmentId: string;
  billingRunId: string;
  billableDays: number;
  tariffVersion: string;
  lines: Array<{ kind: string; code: string; payee: string; amountCents: number }>;
  totalCents: number;
  amoShareCents: number;
  patientShareCents: number;
  amoRatePercent: number;
  rejection?: unknown;
  submissionFailure?: unknown;
  payment?: { reference: string; paidAt: string };
}

export interface RemittanceView {
  id: string;
  payee: string;
  reference: string;
  paidAt: string;
  totalCents: number;
  claims: Array<{ claimId: string; amountCents: number }>;
}
