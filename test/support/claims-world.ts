import { DEV_PSEUDONYM_SECRET } from '@app/auth';
import type { DeviceProductV1, IncidentCauseV1, IndicationCode } from '@app/contracts';
import { patientPseudonym } from '@app/fr-health';
import { certificationGranted, eventually, randomNir } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
// The enrolment service itself feeds claims in these tests, through Kafka only: its test kit starts it and drives it.
import { EnrolmentFeed, type CertifiedDevice } from '../../apps/enrolment/src/testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../../apps/enrolment/src/testing/enrolment.test-app';
import { DAY_MS, HOUR_MS, randomSiret } from './billing-calendar';
import { claimsTokens, startClaims, type ClaimsTestApp, type StartClaimsOptions } from '../../apps/claims/src/testing/claims.test-app';

export { randomNir };

const POLL = { timeoutMs: 30_000, intervalMs: 100 };

export interface Exploitant {
  siret: string;
  name: string;
}

export interface ClaimsDevice extends CertifiedDevice {
  exploitant: Exploitant;
  manufacturerSiret: string;
  lppCode: string;
}

export interface EnrolOptions {
  device?: ClaimsDevice;
  nir?: string;
  ald?: boolean;
  indication?: IndicationCode;
  operatorOrg?: string;
  prescriberRpps?: string;
  /** Stop before the consent (the enrolment stays PENDING_CONSENT). */
  consent?: boolean;
  /** The simulated AMO answers CLOSED to the rights check: the enrolment cannot be activated. */
  rightsClosed?: boolean;
}

/** An enrolment as the tests bill it: its ids, its patient, its parties. */
export interface Enrolled {
  enrolmentId: string;
  prescriptionId: string;
  nir: string;
  pseudonym: string;
  operatorOrg: string;
  prescriberRpps: string;
  device: ClaimsDevice;
  ald: boolean;
  indication: IndicationCode;
  /** Undefined unless activated. */
  activatedAt?: string;
  /** The operator token of its org. */
  operator: string;
}

export interface BillingRunView {
  id: string;
  period: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  enrolments: number;
  claimed: number;
  skipped: { enrolmentId: string; reason: string }[];
  [extra: string]: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClaimBody = Record<string, any>;

/**
 * Feeds the claims service with what a real enrolment service publishes: the
 * device (registered with its exploitant, submitted, certified with its LPP
 * code) and the prescription as their services publish them (EnrolmentFeed's
 * envelopes, on their real topics, read by both services), then the
 * enrolment driven through its own HTTP API (consent, open rights from its
 * AMO simulator, device, activation, transmissions, incidents). Claims learns
 * everything through Kafka alone. Both apps have their own clock: the feed
 * moves both at once.
 */
export class ClaimsFeed {
  readonly enrolmentFeed: EnrolmentFeed;

  constructor(
    readonly enrolment: EnrolmentTestApp,
    readonly claims: ClaimsTestApp,
    private readonly defaults: { operatorOrg?: string; exploitant?: Exploitant } = {},
  ) {
    this.enrolmentFeed = new EnrolmentFeed(enrolment, { operatorOrg: defaults.operatorOrg });
  }

  readonly enrolmentHttp = () => request(this.enrolment.app.getHttpServer());
  readonly http = () => request(this.claims.app.getHttpServer());

  now(): Date {
    return this.enrolment.clock.now();
  }

  /** Both platform clocks to `instant` (backwards too: a test starts early in a past month). */
  moveTo(instant: Date): void {
    this.enrolment.clock.advance(instant.getTime() - this.enrolment.clock.now().getTime());
    this.claims.clock.advance(instant.getTime() - this.claims.clock.now().getTime());
  }

  advance(ms: number): void {
    this.enrolment.clock.advance(ms);
    this.claims.clock.advance(ms);
  }

  /**
   * A device product registered (with its exploitant), submitted and certified,
   * as device-certification publishes it; awaited until both services hold it.
   */
  async certifyDevice(options: { exploitant?: Exploitant; lppCode?: string; indications?: IndicationCode[]; udiDi?: string } = {}): Promise<ClaimsDevice> {
    const deviceId = uuidv7();
    const exploitant = options.exploitant ?? this.defaults.exploitant ?? { siret: randomSiret(), name: 'Télésuivi Exploitation SAS' };
    const manufacturerSiret = '73282932000074';
    const indications = options.indications ?? ['HEART_FAILURE'];
    const udiDi = options.udiDi ?? '03760123450010';
    const lppCode = options.lppCode ?? '1612544';
    const product: DeviceProductV1 = {
      name: 'CardioWatch',
      model: 'CW-2',
      udiDi,
      manufacturer: { siret: manufacturerSiret, name: 'Cardio SAS' },
      ceClass: 'IIa',
      indications,
      connectivity: ['CELLULAR_4G', 'WIFI'],
      dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
      security: { etsiEn303645: true },
      exploitant,
    };
    const occurredAt = new Date(this.now().getTime() - 60_000);
    const certification = certificationGranted(new Date(occurredAt.getTime() - DAY_MS), {
      validUntil: new Date(occurredAt.getTime() + 3 * 365 * DAY_MS).toISOString(),
      lppCode,
      certifiedIndications: indications,
      udiDi,
      manufacturerSiret,
    });
    await this.enrolmentFeed.publishDevice(deviceId, 'DeviceRegistered', { deviceId, product }, 1, new Date(occurredAt.getTime() - 2_000));
    await this.enrolmentFeed.publishDevice(deviceId, 'DeviceSubmitted', { submittedAt: new Date(occurredAt.getTime() - 1_000).toISOString() }, 2, new Date(occurredAt.getTime() - 1_000));
    await this.enrolmentFeed.publishDevice(deviceId, 'DeviceCertified', certification, 3, occurredAt);
    await eventually(`device ${deviceId} certified in the enrolment service`, async () => {
      const rows = await this.enrolment.dataSource.query(`SELECT status FROM device_certifications WHERE device_id = $1`, [deviceId]);
      return rows[0]?.status === 'CERTIFIED';
    }, POLL);
    await eventually(`device ${deviceId} known to claims, with its exploitant and LPP code`, async () => {
      const rows = await this.claims.dataSource.query(`SELECT exploitant_siret, lpp_code FROM device_facts WHERE device_id = $1`, [deviceId]);
      const certified = await this.claims.dataSource.query(`SELECT 1 FROM device_certification_facts WHERE device_id = $1`, [deviceId]);
      return rows[0]?.exploitant_siret === exploitant.siret && rows[0]?.lpp_code === lppCode && certified.length > 0;
    }, POLL);
    return { deviceId, udiDi, exploitant, manufacturerSiret, lppCode };
  }

  /**
   * A first prescription of the device for a new patient, through the enrolment
   * service up to ACTIVE (unless told to stop earlier): consent, open rights,
   * the device's serial, the activation at the clock's instant.
   */
  async enrol(options: EnrolOptions = {}): Promise<Enrolled> {
    const device = options.device ?? (await this.certifyDevice({ indications: options.indication ? [options.indication] : undefined }));
    const nir = options.nir ?? randomNir();
    const pseudonym = patientPseudonym(nir, DEV_PSEUDONYM_SECRET);
    const ald = options.ald ?? true;
    const indication = options.indication ?? 'HEART_FAILURE';
    const prescriberRpps = options.prescriberRpps ?? '10003456789';
    const operatorOrg = options.operatorOrg ?? this.defaults.operatorOrg ?? 'operator-telecardio';
    const { data } = await this.enrolmentFeed.issuedPayload(device, { nir });
    data.patient = { ...data.patient, ald };
    data.prescriber = { rpps: prescriberRpps, specialty: 'CARDIOLOGY' };
    data.operatorOrg = operatorOrg;
    data.indication = indication;
    data.deviceCertification = { ...data.deviceCertification, certifiedIndications: [indication] };
    if (options.rightsClosed) {
      await this.enrolmentHttp().put(`/internal/amo-rights-simulator/${pseudonym}`).set('Authorization', enrolmentTokens.admin).send({ status: 'CLOSED' }).expect(204);
    }
    await this.enrolmentFeed.publishPrescription(data.prescriptionId, 'PrescriptionIssued', data, 1);
    const enrolmentId = await this.enrolmentFeed.enrolmentOf(data.prescriptionId);
    const operator = enrolmentTokens.operatorOf(operatorOrg);
    const enrolled: Enrolled = { enrolmentId, prescriptionId: data.prescriptionId, nir, pseudonym, operatorOrg, prescriberRpps, device, ald, indication, operator };
    if (options.consent === false) return enrolled;

    const now = this.now();
    await this.enrolmentHttp()
      .post(`/v1/enrolments/${enrolmentId}/consent`)
      .set('Authorization', enrolmentTokens.patient(nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(now.getTime() - 60_000).toISOString() })
      .expect(200);
    const rights = await eventually(`rights of ${enrolmentId} answered`, async () => {
      const { body } = await this.enrolmentHttp().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return ['OPEN', 'CLOSED', 'UNAVAILABLE'].includes(body.rights?.status) ? (body.rights.status as string) : undefined;
    }, POLL);
    if (options.rightsClosed) {
      expect(rights).toBe('CLOSED');
      return enrolled;
    }
    expect(rights).toBe('OPEN');
    const serialNumber = `SN-${uuidv7().slice(-12)}`;
    await this.enrolmentHttp().post(`/v1/enrolments/${enrolmentId}/device`).set('Authorization', operator).send({ serialNumber, udiDi: device.udiDi }).expect(200);
    const { body } = await this.enrolmentHttp().post(`/v1/enrolments/${enrolmentId}/activation`).set('Authorization', operator).send({}).expect(200);
    expect(body.status).toBe('ACTIVE');
    return { ...enrolled, activatedAt: body.activatedAt as string };
  }

  /**
   * What the device sent, as the operator reports it late: one periodic
   * transmission every `everyHours` from the activation (or `from`) to a minute
   * ago, in batches of at most 1,000.
   */
  async reportTransmissions(enrolled: Enrolled, options: { from?: Date; to?: Date; everyHours?: number } = {}): Promise<void> {
    const from = (options.from ?? new Date(Date.parse(enrolled.activatedAt!) + 60_000)).getTime();
    const to = (options.to ?? new Date(this.now().getTime() - 60_000)).getTime();
    const step = (options.everyHours ?? 6) * HOUR_MS;
    const items = [];
    for (let at = from; at <= to; at += step) items.push({ at: new Date(at).toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' });
    for (let i = 0; i < items.length; i += 1_000) {
      await this.enrolmentHttp().post(`/v1/enrolments/${enrolled.enrolmentId}/transmissions`).set('Authorization', enrolled.operator).send({ items: items.slice(i, i + 1_000) }).expect(202);
    }
  }

  /** A connectivity incident the operator records; its id. */
  async recordIncident(enrolled: Enrolled, incident: { startedAt: Date; endedAt?: Date; cause: IncidentCauseV1 }): Promise<string> {
    const { body } = await this.enrolmentHttp()
      .post(`/v1/enrolments/${enrolled.enrolmentId}/connectivity-incidents`)
      .set('Authorization', enrolled.operator)
      .send({ startedAt: incident.startedAt.toISOString(), ...(incident.endedAt ? { endedAt: incident.endedAt.toISOString() } : {}), cause: incident.cause })
      .expect(201);
    return (body.incidentId ?? body.id) as string;
  }

  /** The operator names the cause of an incident once investigated. */
  async requalifyIncident(enrolled: Enrolled, incidentId: string, cause: IncidentCauseV1): Promise<void> {
    await this.enrolmentHttp()
      .patch(`/v1/enrolments/${enrolled.enrolmentId}/connectivity-incidents/${incidentId}`)
      .set('Authorization', enrolled.operator)
      .send({ cause })
      .expect(200);
  }

  async end(enrolled: Enrolled, reason = 'monitoring stopped'): Promise<void> {
    await this.enrolmentHttp().post(`/v1/enrolments/${enrolled.enrolmentId}/end`).set('Authorization', enrolled.operator).send({ reason }).expect(200);
  }

  /**
   * Until claims has applied every event the enrolment service published of
   * these enrolments (its `enrolment_facts.stream_version` reached the
   * stream's last version), and the prescriptions' facts.
   */
  async caughtUp(enrolled: readonly Enrolled[]): Promise<void> {
    for (const one of enrolled) {
      await eventually(`claims has every event of enrolment ${one.enrolmentId}`, async () => {
        const [{ version }] = await this.enrolment.dataSource.query(`SELECT max(version)::int AS version FROM events WHERE stream_id = $1`, [one.enrolmentId]);
        const rows = await this.claims.dataSource.query(`SELECT stream_version FROM enrolment_facts WHERE enrolment_id = $1`, [one.enrolmentId]);
        const prescription = await this.claims.dataSource.query(`SELECT 1 FROM prescription_facts WHERE prescription_id = $1`, [one.prescriptionId]);
        return rows[0]?.stream_version >= version && prescription.length > 0;
      }, POLL);
    }
  }

  /** `POST /v1/billing-runs` (admin): the run's id. */
  async startRun(period: string, token = claimsTokens.admin): Promise<string> {
    const { body } = await this.http().post('/v1/billing-runs').set('Authorization', token).send({ period }).expect(202);
    expect(body).toMatchObject({ id: expect.any(String), period, status: expect.stringMatching(/^(QUEUED|RUNNING|COMPLETED)$/) });
    return body.id as string;
  }

  /** `GET /v1/billing-runs/:id` until COMPLETED (FAILED throws). */
  async runCompleted(id: string): Promise<BillingRunView> {
    return eventually(`billing run ${id} completed`, async () => {
      const { body } = await this.http().get(`/v1/billing-runs/${id}`).set('Authorization', claimsTokens.admin).expect(200);
      if (body.status === 'FAILED') throw new Error(`billing run ${id} FAILED: ${JSON.stringify(body)}`);
      return body.status === 'COMPLETED' ? (body as BillingRunView) : undefined;
    }, { timeoutMs: 60_000, intervalMs: 200 });
  }

  /** A billing run of the period, started by the admin and awaited. */
  async bill(period: string): Promise<BillingRunView> {
    return this.runCompleted(await this.startRun(period));
  }

  /** Every claim of the period (the processor sees all), every page. */
  async claimsOf(period: string): Promise<ClaimBody[]> {
    const all: ClaimBody[] = [];
    for (let page = 1; ; page++) {
      const { body } = await this.http().get(`/v1/claims?period=${period}&pageSize=200&page=${page}`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
      all.push(...body.items);
      if (all.length >= body.total || body.items.length === 0) return all;
    }
  }

  /** The claims of an enrolment for a period (an ordinary one, and its corrections), oldest first. */
  async claimsOfEnrolment(enrolmentId: string, period: string): Promise<ClaimBody[]> {
    const rows = await this.claims.dataSource.query(`SELECT id FROM claims WHERE enrolment_id = $1 AND period = $2 ORDER BY created_at, id`, [enrolmentId, period]);
    return Promise.all(rows.map((row: { id: string }) => this.claim(row.id)));
  }

  async claimOf(enrolmentId: string, period: string): Promise<ClaimBody> {
    const claims = await this.claimsOfEnrolment(enrolmentId, period);
    if (claims.length !== 1) throw new Error(`expected one claim of ${enrolmentId} for ${period}, found ${claims.length}`);
    return claims[0];
  }

  async claim(id: string, token = claimsTokens.claimsProcessor): Promise<ClaimBody> {
    return (await this.http().get(`/v1/claims/${id}`).set('Authorization', token).expect(200)).body as ClaimBody;
  }

  /** Until the claim reaches `status` (its view then). */
  async claimInStatus(id: string, status: string, timeoutMs = 30_000): Promise<ClaimBody> {
    let last = '';
    return eventually(`claim ${id} ${status}`, async () => {
      const claim = await this.claim(id);
      last = claim.status;
      return claim.status === status ? claim : undefined;
    }, { timeoutMs, intervalMs: 100 }).catch((error: Error) => {
      throw new Error(`${error.message} (last status ${last})`);
    });
  }

  /** What the simulated AMO answers to submissions: for everyone, or for one patient. */
  async simulateAmo(answer: { behaviour: 'RECEIVE' | 'REFUSE' | 'FAIL' | 'DOWN'; reasonCode?: string; failures?: number }, pseudonym?: string): Promise<void> {
    const path = pseudonym ? `/internal/amo-claims-simulator/${pseudonym}` : '/internal/amo-claims-simulator';
    const answered = await this.http().put(path).set('Authorization', claimsTokens.admin).send(answer);
    expect([path, answered.status]).toEqual([path, expect.any(Number)]);
    if (answered.status >= 300) throw new Error(`PUT ${path}: ${answered.status} ${JSON.stringify(answered.body)}`);
  }

  /** `POST /v1/claims/:id/adjudication` as the processor (or `token`). */
  adjudicate(id: string, body: object, token = claimsTokens.claimsProcessor) {
    return this.http().post(`/v1/claims/${id}/adjudication`).set('Authorization', token).send(body);
  }

  /** The claims' own audit entries of a claim, in order. */
  async auditEntriesOf(claimId: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.claims.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [claimId]);
    return rows.map((row: { entry: Record<string, unknown> }) => row.entry);
  }
}

export interface ClaimsWorld {
  enrolment: EnrolmentTestApp;
  claims: ClaimsTestApp;
  feed: ClaimsFeed;
  close(): Promise<void>;
}

/**
 * A real enrolment service and a real claims service sharing one patient keys
 * schema (claims opens the identity the enrolment sealed), each on its own
 * schema, queues and consumer groups.
 */
export async function startClaimsWorld(
  options: { claims?: StartClaimsOptions; enrolment?: Parameters<typeof startEnrolment>[0]; operatorOrg?: string; exploitant?: Exploitant } = {},
): Promise<ClaimsWorld> {
  const enrolment = await startEnrolment(options.enrolment);
  let claims: ClaimsTestApp;
  try {
    claims = await startClaims({ ...options.claims, keys: enrolment.patientKeys });
  } catch (error) {
    await enrolment.close();
    throw error;
  }
  const feed = new ClaimsFeed(enrolment, claims, { operatorOrg: options.operatorOrg, exploitant: options.exploitant });
  return {
    enrolment,
    claims,
    feed,
    async close() {
      await claims.close();
      await enrolment.close();
    },
  };
}
