import type { DeviceFacts } from './device-facts/certification-fact';
import type { Evaluation, Override } from './evaluation/evaluation.types';
import type { HomeCoverage, IndicationCode, MonitoringMode } from './vocabulary';

/**
 * What an issued prescription is, and what it was decided on. The patient is a
 * pseudonym plus an encrypted identity: no NIR or birth date in clear ever
 * leaves the service. (A type, not an interface: event data must be a plain record.)
 */
export type PrescriptionIssuedData = {
  prescriptionId: string;
  prescriber: { rpps: string; specialty: string };
  patient: { pseudonym: string; identityEncrypted: string; ald: boolean; homeCellularCoverage: HomeCoverage };
  operatorOrg: string;
  device: { id: string; udiDi: string };
  indication: IndicationCode;
  monitoringMode: MonitoringMode;
  durationMonths: number;
  startDate: string;
  endDate: string;
  renewalOf: string | null;
  referentialVersion: string;
  evaluation: Evaluation['results'];
  overrides: Override[];
  /** The device's certification as the rules saw it. */
  deviceCertification: Omit<DeviceFacts, 'deviceId' | 'lppCode'>;
  issuedAt: string;
};

/** Events of the Prescription stream, under explicit, rename-proof type names. */
export type PrescriptionEvent =
  | { type: 'PrescriptionIssued'; data: PrescriptionIssuedData }
  | { type: 'PrescriptionCancelled'; data: { reason: string; cancelledAt: string; cancelledBy: { rpps: string } } }
  | { type: 'PrescriptionExpired'; data: { endDate: string; expiredAt: string } };

export type PrescriptionEventType = PrescriptionEvent['type'];
