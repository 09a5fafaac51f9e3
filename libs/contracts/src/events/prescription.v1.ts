import { TOPICS } from '../topics';
import type { SealedTextV1 } from '../personal-data';
import type { Connectivity, IndicationCode, PatientSex } from '../vocabulary';
import { eventContract, type EventOf } from './event-contract';

/*
 * prescription.events.v1: the Prescription stream's events (key and
 * `streamId` = the prescription id). The patient is a pseudonym plus an
 * identity encrypted under the patient's own data key, and every free text
 * (a justification, a reason) is sealed under it too: nothing personal in
 * clear, and nothing readable once the patient is erased.
 *
 * Schema version 2 (issue 10): `identityEncrypted` is under the patient's key
 * (was the platform's), overrides' `justification` and the cancellation's
 * `reason` are sealed texts (were clear strings). Version 1 events held text
 * in clear that no upcaster can seal without the key: the platform had no
 * data to keep when this changed.
 */

export type MonitoringModeV1 = 'PERIODIC' | 'CRITICAL_ALERTS';
export type HomeCoverageV1 = 'GOOD' | 'POOR' | 'NONE' | 'UNKNOWN';

export type RuleResultV1 = { ruleId: string; outcome: 'PASS' | 'WARN' | 'BLOCK'; message: string };

/** A prescriber's written answer to a WARN: it engages them. */
export type OverrideV1 = { ruleId: string; justification: SealedTextV1 };

/**
 * What `identityEncrypted` opens to (JSON), under the patient's data key with
 * the associated data `fieldAad('prescription:<prescriptionId>', 'patient.identity')`.
 * `familyName`, `givenNames` and `sex` are the INS traits, when the prescriber gave them.
 */
export type PatientIdentityV1 = { nir: string; birthDate: string; familyName?: string; givenNames?: string; sex?: PatientSex };

/** Where each sealed field of a prescription is bound (the `field` of `fieldAad('prescription:<id>', field)`). */
export const PRESCRIPTION_SEALED_FIELDS = {
  identity: 'patient.identity',
  justification: (ruleId: string) => `overrides.${ruleId}.justification`,
  cancellationReason: 'cancellation.reason',
} as const;

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
  PrescriptionCancelled: { reason: SealedTextV1; cancelledAt: string; cancelledBy: { rpps: string } };
  PrescriptionExpired: { endDate: string; expiredAt: string };
};

export type PrescriptionEventV1 = EventOf<PrescriptionEventsV1>;

export const PRESCRIPTION_EVENTS_V1 = eventContract<PrescriptionEventsV1>(TOPICS.prescription, {
  PrescriptionIssued: 2,
  PrescriptionCancelled: 2,
  PrescriptionExpired: 1,
});
