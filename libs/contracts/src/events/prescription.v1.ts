import { TOPICS } from '../topics';
import type { Connectivity, IndicationCode } from '../vocabulary';
import { eventContract, type EventOf } from './event-contract';

/*
 * prescription.events.v1: the Prescription stream's events (key and
 * `streamId` = the prescription id). The patient is a pseudonym plus an
 * encrypted identity: no NIR or birth date in clear.
 */

export type MonitoringModeV1 = 'PERIODIC' | 'CRITICAL_ALERTS';
export type HomeCoverageV1 = 'GOOD' | 'POOR' | 'NONE' | 'UNKNOWN';

export type RuleResultV1 = { ruleId: string; outcome: 'PASS' | 'WARN' | 'BLOCK'; message: string };

/** A prescriber's written answer to a WARN: it engages them. */
export type OverrideV1 = { ruleId: string; justification: string };

/** The device's certification as the rules saw it at the prescription instant. */
export type DeviceCertificationSeenV1 = {
  status: 'CERTIFIED' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';
  validUntil: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  udiDi: string;
  /** The last device event taken into account. */
  position: { eventId: string; version: number; occurredAt: string };
};

export type PrescriptionIssuedV1 = {
  prescriptionId: string;
  prescriber: { rpps: string; specialty: string };
  patient: { pseudonym: string; identityEncrypted: string; ald: boolean; homeCellularCoverage: HomeCoverageV1 };
  operatorOrg: string;
  device: { id: string; udiDi: string };
  indication: IndicationCode;
  monitoringMode: MonitoringModeV1;
  durationMonths: number;
  startDate: string;
  endDate: string;
  renewalOf: string | null;
  referentialVersion: string;
  evaluation: RuleResultV1[];
  overrides: OverrideV1[];
  deviceCertification: DeviceCertificationSeenV1;
  issuedAt: string;
};

export type PrescriptionEventsV1 = {
  PrescriptionIssued: PrescriptionIssuedV1;
  PrescriptionCancelled: { reason: string; cancelledAt: string; cancelledBy: { rpps: string } };
  PrescriptionExpired: { endDate: string; expiredAt: string };
};

export type PrescriptionEventV1 = EventOf<PrescriptionEventsV1>;

export const PRESCRIPTION_EVENTS_V1 = eventContract<PrescriptionEventsV1>(TOPICS.prescription, {
  PrescriptionIssued: 1,
  PrescriptionCancelled: 1,
  PrescriptionExpired: 1,
});
