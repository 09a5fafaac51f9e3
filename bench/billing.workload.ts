/*
 * What `npm run bench:billing` feeds the claims service: the envelopes the
 * device-certification, prescription and enrolment services would publish for
 * `BENCH_ENROLMENTS` patients, each ACTIVE from the first instant of the
 * billed month, so that every one of them is billable for the whole month.
 * Pure: the identities come sealed from the caller (the app's keyring).
 */
import {
  DEVICE_CERTIFICATION_EVENTS_V1,
  ENROLMENT_EVENTS_V1,
  PRESCRIPTION_EVENTS_V1,
  TOPICS,
  type Actor,
  type DeviceProductV1,
  type EnrolledPrescriptionV1,
  type EventEnvelope,
  type PrescriptionIssuedV1,
  type StepActorV1,
} from '@app/contracts';
import { parisDate } from '@app/fr-health';
import { certificationGranted } from '@app/testing';
import type { Message } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export const MANUFACTURER = { siret: '73282932000074', name: 'Cardio SAS' };
/** The exploitant half of the devices name (the others are operated by their manufacturer). */
export const EXPLOITANT = { siret: '44306184100047', name: 'TeleSuivi Services' };
export const LPP_HEART_FAILURE = '1612544';

/** A GTIN-14 UDI-DI with its check digit (the same mod-10 rule as a GS1 key). */
export function udiDi(serial: number): string {
  const body = `0376012345${String(serial).padStart(3, '0')}`;
  const sum = [...body].reverse().reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export interface BenchDevice {
  deviceId: string;
  udiDi: string;
  exploitant: { siret: string; name: string };
}

export interface BenchPatient {
  enrolmentId: string;
  prescriptionId: string;
  pseudonym: string;
  device: BenchDevice;
  operatorOrg: string;
  ald: boolean;
  /** Sealed by the caller: under the patient's key, bound to `prescription:<id>#patient.identity`. */
  prescriptionIdentity: string;
  /** Sealed by the caller: under the patient's key, bound to `enrolment:<id>#patient.identity`. */
  enrolmentIdentity: string;
}

type Fields = Pick<EventEnvelope<object>, 'streamId' | 'streamType' | 'type' | 'schemaVersion' | 'version' | 'data' | 'actor'> & { at: number };

function envelope({ at, ...fields }: Fields): EventEnvelope<object> {
  return { ...fields, id: uuidv7(), occurredAt: iso(at), correlationId: uuidv7(), causationId: null };
}

const message = (key: string, value: EventEnvelope<object>): Message => ({ key, value: JSON.stringify(value) });

const VENDOR: Actor = { id: 'vendor-user', role: 'vendor' };
const EVALUATOR: Actor = { id: 'evaluator-user', role: 'evaluator' };
const PHYSICIAN: Actor = { id: 'cardiologist-user', role: 'physician' };
const SYSTEM: StepActorV1 = { role: 'system', id: 'system:enrolment' };

/** A device product registered (its exploitant named, or the manufacturer's default), submitted and certified a month before `monthStart`. */
export function deviceMessages(device: BenchDevice, monthStart: number): Message[] {
  const product: DeviceProductV1 = {
    name: `CardioWatch ${device.udiDi.slice(-4)}`,
    model: 'CW-2',
    udiDi: device.udiDi,
    manufacturer: MANUFACTURER,
    ceClass: 'IIa',
    notifiedBodyCertificate: 'NB-0459-2026-001',
    indications: ['HEART_FAILURE'],
    connectivity: ['CELLULAR_4G', 'WIFI'],
    dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
    security: { etsiEn303645: true, penTestReportRef: 'PT-9' },
    exploitant: device.exploitant,
  };
  const base = { streamId: device.deviceId, streamType: 'device' };
  const v = DEVICE_CERTIFICATION_EVENTS_V1.schemaVersions;
  const certifiedAt = monthStart - 30 * DAY_MS;
  return [
    envelope({ ...base, type: 'DeviceRegistered', schemaVersion: v.DeviceRegistered, version: 1, at: monthStart - 40 * DAY_MS, actor: VENDOR, data: { deviceId: device.deviceId, product } }),
    envelope({ ...base, type: 'DeviceSubmitted', schemaVersion: v.DeviceSubmitted, version: 2, at: monthStart - 35 * DAY_MS, actor: VENDOR, data: { submittedAt: iso(monthStart - 35 * DAY_MS) } }),
    envelope({
      ...base,
      type: 'DeviceCertified',
      schemaVersion: v.DeviceCertified,
      version: 3,
      at: certifiedAt,
      actor: EVALUATOR,
      data: certificationGranted(new Date(certifiedAt), { lppCode: LPP_HEART_FAILURE, udiDi: device.udiDi, manufacturerSiret: MANUFACTURER.siret }),
    }),
  ].map((e) => message(device.deviceId, e));
}

/** The prescription's dates: it starts two days before the month and lasts six months. */
const prescriptionDates = (monthStart: number) => ({
  startDate: parisDate(new Date(monthStart - 2 * DAY_MS)),
  endDate: parisDate(new Date(monthStart + 180 * DAY_MS)),
});

/** The PrescriptionIssued of a first prescription, three days before the month. */
export function prescriptionMessage(patient: BenchPatient, monthStart: number): Message {
  const issuedAt = monthStart - 3 * DAY_MS;
  const data: PrescriptionIssuedV1 = {
    prescriptionId: patient.prescriptionId,
    prescriber: { rpps: '10003456789', specialty: 'CARDIOLOGY' },
    patient: { pseudonym: patient.pseudonym, identityEncrypted: patient.prescriptionIdentity, ald: patient.ald, homeCellularCoverage: 'GOOD' },
    operatorOrg: patient.operatorOrg,
    device: { id: patient.device.deviceId, udiDi: patient.device.udiDi },
    indication: 'HEART_FAILURE',
    monitoringMode: 'PERIODIC',
    durationMonths: 6,
    ...prescriptionDates(monthStart),
    renewalOf: null,
    referentialVersion: 'has-referential/2026.1',
    evaluation: [],
    overrides: [],
    deviceCertification: {
      status: 'CERTIFIED',
      validUntil: iso(monthStart - 30 * DAY_MS + 3 * 365 * DAY_MS),
      certifiedIndications: ['HEART_FAILURE'],
      connectivity: ['CELLULAR_4G', 'WIFI'],
      udiDi: patient.device.udiDi,
      position: { eventId: uuidv7(), version: 3, occurredAt: iso(monthStart - 30 * DAY_MS) },
    },
    issuedAt: iso(issuedAt),
  };
  return message(
    patient.prescriptionId,
    envelope({
      streamId: patient.prescriptionId,
      streamType: 'prescription',
      type: 'PrescriptionIssued',
      schemaVersion: PRESCRIPTION_EVENTS_V1.schemaVersions.PrescriptionIssued,
      version: 1,
      at: issuedAt,
      actor: PHYSICIAN,
      data,
    }),
  );
}

/** Number of events of each enrolment stream `enrolmentMessages` publishes (its last version). */
export const ENROLMENT_STREAM_VERSION = 6;

/**
 * The enrolment's stream as the enrolment service writes it: created with the
 * prescription, rights asked and OPEN, consent GIVEN, device assigned, and
 * ACTIVE from the month's first instant.
 */
export function enrolmentMessages(patient: BenchPatient, monthStart: number): Message[] {
  const operator: StepActorV1 = { role: 'operator', id: `operator-of-${patient.operatorOrg}`, org: patient.operatorOrg };
  const createdAt = monthStart - 3 * DAY_MS + 1_000;
  const consentAt = monthStart - 2 * DAY_MS;
  const prescription: EnrolledPrescriptionV1 = {
    prescriptionId: patient.prescriptionId,
    prescriberRpps: '10003456789',
    operatorOrg: patient.operatorOrg,
    device: { id: patient.device.deviceId, udiDi: patient.device.udiDi },
    indication: 'HEART_FAILURE',
    monitoringMode: 'PERIODIC',
    ...prescriptionDates(monthStart),
    ald: patient.ald,
    homeCoverageOverridden: false,
  };
  const consentId = uuidv7();
  const serialNumber = `SN-${patient.enrolmentId.slice(-12)}`;
  const v = ENROLMENT_EVENTS_V1.schemaVersions;
  const base = { streamId: patient.enrolmentId, streamType: 'enrolment' };
  const systemActor: Actor = { id: SYSTEM.id, role: 'system' };
  const operatorActor: Actor = { id: operator.id, role: 'operator' };
  const patientActor: Actor = { id: 'patient-user', role: 'patient' };
  const events: EventEnvelope<object>[] = [
    envelope({
      ...base,
      type: 'EnrolmentCreated',
      schemaVersion: v.EnrolmentCreated,
      version: 1,
      at: createdAt,
      actor: systemActor,
      data: {
        enrolmentId: patient.enrolmentId,
        prescription,
        patient: { pseudonym: patient.pseudonym, identityEncrypted: patient.enrolmentIdentity },
        createdAt: iso(createdAt),
      },
    }),
    envelope({ ...base, type: 'RightsCheckRequested', schemaVersion: v.RightsCheckRequested, version: 2, at: createdAt, actor: systemActor, data: { request: 1, requestedAt: iso(createdAt), requestedBy: SYSTEM } }),
    envelope({
      ...base,
      type: 'RightsChecked',
      schemaVersion: v.RightsChecked,
      version: 3,
      at: createdAt + 2_000,
      actor: systemActor,
      data: { request: 1, status: 'OPEN', checkedAt: iso(createdAt + 2_000), attempts: 1 },
    }),
    envelope({
      ...base,
      type: 'ConsentRecorded',
      schemaVersion: v.ConsentRecorded,
      version: 4,
      at: consentAt,
      actor: patientActor,
      data: {
        consentId,
        decision: 'GIVEN',
        consentTextVersion: 'tlsm-2026.1',
        method: 'ELECTRONIC',
        signedAt: iso(consentAt - 60_000),
        signedBy: 'PATIENT',
        recordedBy: { role: 'patient', id: 'patient-user' },
        recordedAt: iso(consentAt),
      },
    }),
    envelope({
      ...base,
      type: 'DeviceAssigned',
      schemaVersion: v.DeviceAssigned,
      version: 5,
      at: monthStart - DAY_MS,
      actor: operatorActor,
      data: { serialNumber, udiDi: patient.device.udiDi, assignedAt: iso(monthStart - DAY_MS), replaced: null },
    }),
    envelope({
      ...base,
      type: 'EnrolmentActivated',
      schemaVersion: v.EnrolmentActivated,
      version: ENROLMENT_STREAM_VERSION,
      at: monthStart,
      actor: operatorActor,
      data: {
        activatedAt: iso(monthStart),
        consentId,
        device: { serialNumber, udiDi: patient.device.udiDi },
        certification: { validUntil: iso(monthStart - 30 * DAY_MS + 3 * 365 * DAY_MS) },
      },
    }),
  ];
  return events.map((e) => message(patient.enrolmentId, e));
}

export const BENCH_TOPICS = { devices: TOPICS.deviceCertification, prescriptions: TOPICS.prescription, enrolments: TOPICS.enrolment } as const;
