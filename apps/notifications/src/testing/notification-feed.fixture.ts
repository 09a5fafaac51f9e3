import {
  TOPICS,
  type DeviceCertificationEventsV1,
  type DeviceProductV1,
  type EnrolledPrescriptionV1,
  type EnrolmentEventsV1,
  type EventEnvelope,
  type EventPayloads,
} from '@app/contracts';
import { publishEnvelopes, randomRpps, randomSiret, testEnvelope } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** A device registered by a vendor, as the test publishes it. */
export interface FedDevice {
  deviceId: string;
  vendorOrg: string;
}

/** An enrolment the test fed, with its parties. */
export interface FedEnrolment {
  enrolmentId: string;
  prescriptionId: string;
  prescriberRpps: string;
  operatorOrg: string;
  pseudonym: string;
  deviceId: string;
  /** The enrolment stream's next version. */
  version: number;
}

const productOf = (device: FedDevice): DeviceProductV1 => ({
  name: 'CardioWatch',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturer: { siret: device.vendorOrg, name: 'Cardio SAS' },
  ceClass: 'IIa',
  indications: ['HEART_FAILURE'],
  connectivity: ['CELLULAR_4G'],
  dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
  security: { etsiEn303645: true },
});

const topicOf = { device: TOPICS.deviceCertification, enrolment: TOPICS.enrolment, claim: TOPICS.claims } as const;

/**
 * Publishes on the real topics what device-certification, enrolment and
 * claims would (their envelopes, keyed by stream), so a test of the
 * notifications service alone gets its facts through its real consumers.
 */
export class NotificationFeed {
  /** The envelope published, for a test that publishes it again. */
  envelope<P extends EventPayloads, T extends keyof P & string>(
    streamType: keyof typeof topicOf,
    streamId: string,
    type: T,
    data: P[T],
    version: number,
    occurredAt = new Date(),
  ): EventEnvelope<P[T], T> {
    return testEnvelope({ type, schemaVersion: 1, streamId, streamType, version, occurredAt, actor: { id: 'feed-user', role: 'system' }, data });
  }

  /** Envelopes on the topic of their context, keyed by stream. */
  publish(streamType: keyof typeof topicOf, ...envelopes: EventEnvelope<object>[]): Promise<void> {
    return publishEnvelopes(topicOf[streamType], envelopes);
  }

  async registerDevice(vendorOrg = randomSiret()): Promise<FedDevice> {
    const device = { deviceId: uuidv7(), vendorOrg };
    await this.publish(
      'device',
      this.envelope<DeviceCertificationEventsV1, 'DeviceRegistered'>('device', device.deviceId, 'DeviceRegistered', { deviceId: device.deviceId, product: productOf(device) }, 1),
    );
    return device;
  }

  /** The vendor's edit of its product (the envelope). */
  productUpdate(device: FedDevice, version: number) {
    return this.envelope<DeviceCertificationEventsV1, 'DeviceUpdated'>('device', device.deviceId, 'DeviceUpdated', { product: productOf(device), reopenedFromRejection: false }, version);
  }

  /** The device suspended by its evaluation body (the envelope, to publish it again). */
  suspension(device: FedDevice, version = 2, occurredAt = new Date()) {
    return this.envelope<DeviceCertificationEventsV1, 'DeviceSuspended'>('device', device.deviceId, 'DeviceSuspended', {
      reason: { ciphertext: 'st1.x', commitment: { algorithm: 'sha256', digest: '0'.repeat(64) } } as never,
      evaluatorOrg: 'EVAL-GMED',
    }, version, occurredAt);
  }

  /** An enrolment created on the device; `activatedAt` makes it ACTIVE. */
  async enrol(device: FedDevice, options: { prescriptionId?: string; prescriberRpps?: string; operatorOrg?: string; activatedAt?: Date } = {}): Promise<FedEnrolment> {
    const enrolment: FedEnrolment = {
      enrolmentId: uuidv7(),
      prescriptionId: options.prescriptionId ?? uuidv7(),
      prescriberRpps: options.prescriberRpps ?? randomRpps(),
      operatorOrg: options.operatorOrg ?? `TLSM-${randomBytes(3).toString('hex')}`,
      pseudonym: randomBytes(32).toString('hex'),
      deviceId: device.deviceId,
      version: 1,
    };
    const prescription: EnrolledPrescriptionV1 = {
      prescriptionId: enrolment.prescriptionId,
      prescriberRpps: enrolment.prescriberRpps,
      operatorOrg: enrolment.operatorOrg,
      device: { id: device.deviceId, udiDi: '03760123450010' },
      indication: 'HEART_FAILURE',
      monitoringMode: 'PERIODIC',
      startDate: '2026-11-01',
      endDate: '2027-04-30',
      ald: true,
      homeCoverageOverridden: false,
    };
    await this.enrolmentEvent(enrolment, 'EnrolmentCreated', {
      enrolmentId: enrolment.enrolmentId,
      prescription,
      patient: { pseudonym: enrolment.pseudonym, identityEncrypted: 'sealed' },
      createdAt: new Date().toISOString(),
    });
    if (options.activatedAt) await this.activate(enrolment, options.activatedAt);
    return enrolment;
  }

  activate(enrolment: FedEnrolment, at: Date): Promise<void> {
    return this.enrolmentEvent(enrolment, 'EnrolmentActivated', {
      activatedAt: at.toISOString(),
      consentId: uuidv7(),
      device: { serialNumber: `SN-${randomBytes(3).toString('hex')}`, udiDi: '03760123450010' },
      certification: { validUntil: '2027-12-31T00:00:00.000Z' },
    });
  }

  /** One event of the enrolment's stream, at its next version. */
  async enrolmentEvent<T extends keyof EnrolmentEventsV1 & string>(enrolment: FedEnrolment, type: T, data: EnrolmentEventsV1[T]): Promise<void> {
    await this.publish('enrolment', this.envelope<EnrolmentEventsV1, T>('enrolment', enrolment.enrolmentId, type, data, enrolment.version));
    enrolment.version += 1;
  }
}
