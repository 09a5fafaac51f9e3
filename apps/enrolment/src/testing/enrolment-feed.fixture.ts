import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import {
  DEVICE_CERTIFICATION_EVENTS_V1,
  PRESCRIPTION_EVENTS_V1,
  PRESCRIPTION_SEALED_FIELDS,
  TOPICS,
  type CertificationGrantedV1,
  type EventEnvelope,
  type MonitoringModeV1,
  type PatientIdentityV1,
  type PrescriptionIssuedV1,
  type SealedTextV1,
} from '@app/contracts';
import { fieldAad, parisDate, patientPseudonym } from '@app/fr-health';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { certificationGranted, eventually, produceMessages, randomNir, testEnvelope } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { enrolmentTokens, type EnrolmentTestApp } from './enrolment.test-app';

const DAY_MS = 86_400_000;

export { randomNir };

export interface CertifiedDevice {
  deviceId: string;
  udiDi: string;
}

export interface IssuedPrescription {
  prescriptionId: string;
  /** The enrolment the service made of it (undefined for a renewal, or when not awaited). */
  enrolmentId: string;
  nir: string;
  pseudonym: string;
  operatorOrg: string;
  data: PrescriptionIssuedV1;
}

export interface IssueOptions {
  /** Fields of the PrescriptionIssued payload to replace (deep fields: give the whole object). */
  data?: Partial<PrescriptionIssuedV1>;
  nir?: string;
  birthDate?: string;
  /** Wait until the enrolment exists (default: true for a first prescription, false for a renewal). */
  awaitEnrolment?: boolean;
}

export interface ActiveEnrolment extends IssuedPrescription, CertifiedDevice {
  serialNumber: string;
  activatedAt: string;
  /** The operator token of the enrolment's org. */
  operator: string;
}

/**
 * Feeds the enrolment service what the prescription and device-certification
 * services would publish (their envelopes on their real topics, through
 * Kafka), so a test of the enrolment service alone gets an enrolment, up to
 * ACTIVE, through its real consumers. The identity is sealed as the
 * prescription service seals it: under the patient's key, bound to
 * `fieldAad('prescription:<id>', 'patient.identity')`, with the test app's own
 * keyring (it shares the keys schema with the app).
 */
type PrescriptionEventType = keyof typeof PRESCRIPTION_EVENTS_V1.schemaVersions;

export class EnrolmentFeed {
  constructor(
    private readonly t: EnrolmentTestApp,
    private readonly defaults: { operatorOrg?: string; monitoringMode?: MonitoringModeV1 } = {},
  ) {}

  private readonly http = () => request(this.t.app.getHttpServer());

  /** A DeviceCertified of a new device, awaited until the enrolment service holds it. */
  async certifyDevice(overrides: Partial<CertificationGrantedV1> = {}, deviceId: string = uuidv7()): Promise<CertifiedDevice> {
    const occurredAt = new Date(this.t.clock.now().getTime() - 60_000);
    const data = certificationGranted(new Date(occurredAt.getTime() - DAY_MS), {
      validUntil: new Date(occurredAt.getTime() + 3 * 365 * DAY_MS).toISOString(),
      ...overrides,
    });
    await this.publishDevice(deviceId, 'DeviceCertified', data, 3, occurredAt);
    await eventually(`device ${deviceId} certified in the enrolment service`, async () => {
      const rows = await this.t.dataSource.query(`SELECT status FROM device_certifications WHERE device_id = $1`, [deviceId]);
      return rows[0]?.status === 'CERTIFIED';
    }, { timeoutMs: 30_000, intervalMs: 100 });
    return { deviceId, udiDi: data.udiDi };
  }

  /** Publishes one device-certification event as that service does (key = device id). */
  async publishDevice(deviceId: string, type: keyof typeof DEVICE_CERTIFICATION_EVENTS_V1.schemaVersions, data: object, version: number, occurredAt = this.t.clock.now()) {
    await produceMessages(TOPICS.deviceCertification, [
      {
        key: deviceId,
        value: JSON.stringify(testEnvelope({ streamId: deviceId, streamType: 'device', type, schemaVersion: DEVICE_CERTIFICATION_EVENTS_V1.schemaVersions[type], version, occurredAt, data, actor: { id: 'evaluator-user', role: 'evaluator' } })),
      },
    ]);
  }

  /**
   * A PrescriptionIssued (a first prescription unless `data.renewalOf` is set),
   * the identity sealed under the patient's key; awaited until its enrolment exists.
   */
  async issuePrescription(device: CertifiedDevice, options: IssueOptions = {}): Promise<IssuedPrescription> {
    const { data, nir, pseudonym } = await this.issuedPayload(device, options);
    const { prescriptionId } = data;
    await this.publishPrescription(prescriptionId, 'PrescriptionIssued', data, 1);
    const awaitEnrolment = options.awaitEnrolment ?? data.renewalOf === null;
    const enrolmentId = awaitEnrolment ? await this.enrolmentOf(prescriptionId) : (undefined as unknown as string);
    return { prescriptionId, enrolmentId, nir, pseudonym, operatorOrg: data.operatorOrg, data };
  }

  /** The PrescriptionIssued payload `issuePrescription` publishes, for a test that publishes it itself (twice, say). */
  async issuedPayload(device: CertifiedDevice, options: Omit<IssueOptions, 'awaitEnrolment'> = {}): Promise<{ data: PrescriptionIssuedV1; nir: string; pseudonym: string }> {
    const prescriptionId = options.data?.prescriptionId ?? uuidv7();
    const nir = options.nir ?? randomNir();
    const pseudonym = patientPseudonym(nir, DEV_PSEUDONYM_SECRET);
    const now = this.t.clock.now();
    const identity: PatientIdentityV1 = { nir, birthDate: options.birthDate ?? '1984-03-02' };
    const identityEncrypted = await this.seal(pseudonym, JSON.stringify(identity), fieldAad(`prescription:${prescriptionId}`, PRESCRIPTION_SEALED_FIELDS.identity));
    const startDate = parisDate(new Date(now.getTime() - DAY_MS));
    const data: PrescriptionIssuedV1 = {
      prescriptionId,
      prescriber: { rpps: '10003456789', specialty: 'CARDIOLOGY' },
      patient: { pseudonym, identityEncrypted, ald: true, homeCellularCoverage: 'GOOD' },
      operatorOrg: this.defaults.operatorOrg ?? 'operator-telecardio',
      device: { id: device.deviceId, udiDi: device.udiDi },
      indication: 'HEART_FAILURE',
      monitoringMode: this.defaults.monitoringMode ?? 'PERIODIC',
      durationMonths: 6,
      startDate,
      endDate: parisDate(new Date(now.getTime() + 182 * DAY_MS)),
      renewalOf: null,
      referentialVersion: 'has-referential/2026.1',
      evaluation: [],
      overrides: [],
      deviceCertification: {
        status: 'CERTIFIED',
        validUntil: new Date(now.getTime() + 3 * 365 * DAY_MS).toISOString(),
        certifiedIndications: ['HEART_FAILURE'],
        connectivity: ['CELLULAR_4G', 'WIFI'],
        udiDi: device.udiDi,
        position: { eventId: uuidv7(), version: 3, occurredAt: new Date(now.getTime() - 60_000).toISOString() },
      },
      issuedAt: new Date(now.getTime() - 30_000).toISOString(),
      ...options.data,
    };
    return { data, nir, pseudonym };
  }

  /** Publishes one prescription event as that service does (key = prescription id). */
  async publishPrescription(prescriptionId: string, type: PrescriptionEventType, data: object, version: number, occurredAt = this.t.clock.now()) {
    await this.publishPrescriptionEnvelopes(prescriptionId, [this.prescriptionEnvelope(prescriptionId, type, data, version, occurredAt)]);
  }

  /** A prescription event's envelope as that service publishes it, with a fresh event id. */
  prescriptionEnvelope<T extends object>(prescriptionId: string, type: PrescriptionEventType, data: T, version: number, occurredAt = this.t.clock.now()): EventEnvelope<T> {
    const fields = { streamId: prescriptionId, streamType: 'prescription', type, schemaVersion: PRESCRIPTION_EVENTS_V1.schemaVersions[type], version, occurredAt, data };
    return testEnvelope({ ...fields, actor: { id: 'cardiologist-user', role: 'physician' } }) as EventEnvelope<T>;
  }

  /** Envelopes published as they are, in order, under the prescription's key (one partition): a redelivery is the same envelope again. */
  async publishPrescriptionEnvelopes(prescriptionId: string, envelopes: readonly EventEnvelope<object>[]): Promise<void> {
    await produceMessages(TOPICS.prescription, envelopes.map((envelope) => ({ key: prescriptionId, value: JSON.stringify(envelope) })));
  }

  /** The enrolment made of a prescription, once the consumer has made it. */
  async enrolmentOf(prescriptionId: string): Promise<string> {
    return eventually(`the enrolment of prescription ${prescriptionId}`, async () => {
      const rows = await this.t.dataSource.query(`SELECT enrolment_id AS "enrolmentId" FROM enrolment_prescriptions WHERE prescription_id = $1`, [prescriptionId]);
      return rows[0]?.enrolmentId as string | undefined;
    }, { timeoutMs: 30_000, intervalMs: 100 });
  }

  /**
   * Certified device, first prescription, the patient's consent, open rights
   * (the simulator answers OPEN by default), a device serial and the activation
   * (at the app's clock unless `activatedAt`): an ACTIVE enrolment.
   */
  async activeEnrolment(options: IssueOptions & { activatedAt?: Date; serialNumber?: string } = {}): Promise<ActiveEnrolment> {
    const device = await this.certifyDevice();
    const issued = await this.issuePrescription(device, options);
    const operator = enrolmentTokens.operatorOf(issued.operatorOrg);
    const id = issued.enrolmentId;
    const now = this.t.clock.now();
    const activatedAt = options.activatedAt ?? now;
    await this.http()
      .post(`/v1/enrolments/${id}/consent`)
      .set('Authorization', enrolmentTokens.patient(issued.nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(Math.min(now.getTime(), activatedAt.getTime()) - 60_000).toISOString() })
      .expect(200);
    await eventually(`open rights of ${id}`, async () => {
      const { body } = await this.http().get(`/v1/enrolments/${id}`).set('Authorization', operator).expect(200);
      return body.rights?.status === 'OPEN';
    }, { timeoutMs: 15_000, intervalMs: 100 });
    const serialNumber = options.serialNumber ?? `SN-${uuidv7().slice(-12)}`;
    await this.http().post(`/v1/enrolments/${id}/device`).set('Authorization', operator).send({ serialNumber, udiDi: device.udiDi }).expect(200);
    const { body } = await this.http()
      .post(`/v1/enrolments/${id}/activation`)
      .set('Authorization', operator)
      .send({ activatedAt: activatedAt.toISOString() })
      .expect(200);
    return { ...issued, ...device, serialNumber, activatedAt: body.activatedAt ?? activatedAt.toISOString(), operator };
  }

  private async seal(pseudonym: string, plaintext: string, aad: string): Promise<string> {
    return this.t.dataSource.transaction(async (manager) => (await this.keyring().sealerFor(pseudonym, manager)).encrypt(plaintext, aad));
  }

  /** A free text sealed under the patient's key, as the prescription service seals a reason. */
  async sealText(pseudonym: string, text: string, aad: string): Promise<SealedTextV1> {
    return this.t.dataSource.transaction(async (manager) => (await this.keyring().sealerFor(pseudonym, manager)).sealText(text, aad));
  }

  private keyring(): PatientKeyring {
    return this.t.app.get<symbol, PatientKeyring>(PATIENT_KEYRING, { strict: false });
  }
}
