import type { SealedTextV1 } from '../personal-data';
import { TOPICS } from '../topics';
import type { Connectivity, IndicationCode } from '../vocabulary';
import { eventContract, type EventOf } from './event-contract';

/*
 * device-certification.events.v1: the DeviceProduct stream's events (key and
 * `streamId` = the device id). A device product holds no personal data, but
 * an evaluator's free text (reasons, notes) may name anyone: it travels
 * sealed (SealedTextV1, under the service's own text key), never in clear.
 * Schema 2 of the types that carry such text is that change; schema 1 events
 * (already published) carried the text in clear.
 */

export type CeClassV1 = 'I' | 'IIa' | 'IIb' | 'III';
export type DataStorageV1 = 'HDS_CLOUD' | 'ON_DEVICE' | 'PATIENT_CONTROLLED';

/** What the vendor declares about its product (API.md `POST /v1/devices`). */
export type DeviceProductV1 = {
  name: string;
  model: string;
  udiDi: string;
  manufacturer: { siret: string; name: string };
  ceClass: CeClassV1;
  notifiedBodyCertificate?: string;
  indications: IndicationCode[];
  connectivity: Connectivity[];
  dataHosting: { storage: DataStorageV1; hdsCertificateId?: string };
  security: { etsiEn303645: boolean; penTestReportRef?: string };
  fhirProfiles?: string[];
  /** The company paid the technical fee (DOMAIN.md); absent: the manufacturer. */
  exploitant?: { siret: string; name: string };
};

/** The terms an evaluation body grants, and the product facts they were granted on. */
export type CertificationGrantedV1 = {
  validFrom: string;
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  connectivity: Connectivity[];
  ceClass: CeClassV1;
  udiDi: string;
  manufacturerSiret: string;
  evaluatorOrg: string;
  /** The evaluator's notes, sealed (schema 2; a string in schema 1). */
  notes?: SealedTextV1;
};

/** A status change and its reason, sealed (schema 2; a string in schema 1). */
export type EvaluatorDecisionV1 = { reason: SealedTextV1; evaluatorOrg: string };

export type DeviceCertificationEventsV1 = {
  DeviceRegistered: { deviceId: string; product: DeviceProductV1 };
  DeviceUpdated: { product: DeviceProductV1; reopenedFromRejection: boolean };
  DeviceSubmitted: { submittedAt: string };
  DeviceCertified: CertificationGrantedV1;
  DeviceRecertified: CertificationGrantedV1 & { previousValidUntil: string };
  /** Each reason sealed (schema 2; strings in schema 1). */
  DeviceRejected: { reasons: SealedTextV1[]; evaluatorOrg: string };
  DeviceSuspended: EvaluatorDecisionV1;
  DeviceReinstated: EvaluatorDecisionV1;
  DeviceRevoked: EvaluatorDecisionV1;
  DeviceCertificationExpired: { validUntil: string; expiredAt: string };
};

export type DeviceCertificationEventV1 = EventOf<DeviceCertificationEventsV1>;

export const DEVICE_CERTIFICATION_EVENTS_V1 = eventContract<DeviceCertificationEventsV1>(TOPICS.deviceCertification, {
  DeviceRegistered: 1,
  DeviceUpdated: 1,
  DeviceSubmitted: 1,
  DeviceCertified: 2,
  DeviceRecertified: 2,
  DeviceRejected: 2,
  DeviceSuspended: 2,
  DeviceReinstated: 2,
  DeviceRevoked: 2,
  DeviceCertificationExpired: 1,
});
