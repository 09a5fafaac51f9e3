import type { LiabilityDossier, Signer } from '@app/audit';
import type { Actors } from './actors';
import type { ClaimView, DeviceView, EnrolmentView, ErrorBody, NotificationView, Page, PrescriptionView, RecordedIncident, RemittanceView } from './api-views';
import { type GatewayClient, pollUntil } from './gateway-client';
import { freshSuffix, freshUdiDi } from './identifiers';

/**
 * The workflow of the platform as its clients drive it, one function per
 * step, each returning what the next needs. Request shapes are API.md's (the
 * same as the in-process tests send). Every wait polls the gateway, bounded.
 */
export interface Workflow {
  client: GatewayClient;
  actors: Actors;
  /** The platform's "now" (real time + its CLOCK_OFFSET): consents, transmissions and incidents are dated by it. */
  now: () => Date;
  /** Bound of each wait for another service's effect (default 30 s). */
  timeoutMs?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const wait = (wf: Workflow) => ({ timeoutMs: wf.timeoutMs ?? 30_000, intervalMs: 100 });

export const HOME_COVERAGE_JUSTIFICATION = 'Patient installs a home Wi-Fi gateway supplied by the operator';

export interface Device {
  deviceId: string;
  udiDi: string;
  lppCode: string;
  exploitant: { siret: string; name: string };
  body: Record<string, unknown>;
}

export interface DeviceBodyOptions {
  name?: string;
  connectivity?: string[];
  indications?: string[];
  /** Who paid the technical fee; default the workflow's exploitant, null for none (the manufacturer then). */
  exploitant?: { siret: string; name: string } | null;
}

/** A conform `POST /v1/devices` body from the vendor of `wf`, a fresh UDI-DI each time. */
export function deviceBody(wf: Workflow, options: DeviceBodyOptions = {}) {
  const exploitant = options.exploitant === null ? undefined : (options.exploitant ?? { siret: wf.actors.exploitant.siret, name: wf.actors.exploitant.name });
  return {
    name: options.name ?? 'CardioWatch',
    model: `CW-${freshSuffix()}`,
    udiDi: freshUdiDi(),
    manufacturer: { siret: wf.actors.vendor.siret, name: 'Cardio SAS' },
    ceClass: 'IIa',
    notifiedBodyCertificate: 'NB-0459-2026-001',
    indications: options.indications ?? ['HEART_FAILURE'],
    // Wide-area radio only: at a home with poor coverage the HOME_COVERAGE rule warns (a justified override).
    connectivity: options.connectivity ?? ['CELLULAR_4G', 'LPWAN'],
    dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
    security: { etsiEn303645: true, penTestReportRef: 'PT-9' },
    ...(exploitant ? { exploitant } : {}),
  };
}

/** The vendor registers a product (its exploitant paid the technical fee) and submits it: SUBMITTED. */
export async function registerDevice(wf: Workflow, options: Omit<DeviceBodyOptions, 'name'> = {}): Promise<Device> {
  const { vendor } = wf.actors;
  const body = deviceBody(wf, options);
  const exploitant = body.exploitant;
  const created = await wf.client.post<DeviceView>('/v1/devices', body, { token: vendor.token, expect: 201 });
  const deviceId = created.body.id as string;
  await wf.client.post(`/v1/devices/${deviceId}/submission`, {}, { token: vendor.token, expect: 200 });
  return { deviceId, udiDi: body.udiDi, lppCode: '1612544', exploitant: exploitant ?? { siret: vendor.siret, name: 'Cardio SAS' }, body };
}

/** The evaluator certifies it (valid three years from the platform's now unless told): CERTIFIED. */
export async function certifyDevice(
  wf: Workflow,
  device: Device,
  options: { validUntil?: Date; lppCode?: string; certifiedIndications?: string[] } = {},
): Promise<Device> {
  const lppCode = options.lppCode ?? device.lppCode;
  await wf.client.post(
    `/v1/devices/${device.deviceId}/review`,
    {
      decision: 'CERTIFY',
      validUntil: (options.validUntil ?? new Date(wf.now().getTime() + 3 * 365 * DAY_MS)).toISOString(),
      lppCode,
      certifiedIndications: options.certifiedIndications ?? ['HEART_FAILURE'],
    },
    { token: wf.actors.evaluator.token, expect: 200 },
  );
  return { ...device, lppCode };
}

export interface Prescription {
  id: string;
  deviceId: string;
  startDate: string;
  endDate: string;
  body: Record<string, unknown>;
  issued: PrescriptionView;
}

export interface PrescribeOptions {
  /** Home with POOR cellular coverage and the HOME_COVERAGE warning justified (API.md `overrides`). */
  justifiedOverride?: boolean;
  durationMonths?: number;
  /** Renew this prescription (its patient, device, indication and operator org are kept). */
  renewalOf?: Prescription;
  ald?: boolean;
}

/**
 * The physician prescribes the device; retried while the certification has
 * not yet reached the prescription service (a DEVICE_CERTIFIED block, API.md).
 */
export async function prescribe(wf: Workflow, device: Device, options: PrescribeOptions = {}): Promise<Prescription> {
  const { physician, patient, operator } = wf.actors;
  const body: Record<string, unknown> = options.renewalOf
    ? { ...options.renewalOf.body, renewalOf: options.renewalOf.id }
    : {
        patient: { nir: patient.nir, birthDate: '1984-03-02', homeCellularCoverage: options.justifiedOverride ? 'POOR' : 'GOOD', ald: options.ald ?? true },
        deviceId: device.deviceId,
        indication: 'HEART_FAILURE',
        operatorOrg: operator.org,
        monitoringMode: 'PERIODIC',
        durationMonths: options.durationMonths ?? 6,
        clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true, ntProBnpPgMl: 1800 },
        ...(options.justifiedOverride ? { overrides: [{ ruleId: 'HOME_COVERAGE', justification: HOME_COVERAGE_JUSTIFICATION }] } : {}),
      };
  if (options.renewalOf && options.durationMonths) body.durationMonths = options.durationMonths;
  const issued = await pollUntil(
    'the certification reaches the prescription service',
    async () => {
      const answer = await wf.client.post<PrescriptionView | ErrorBody>('/v1/prescriptions', body, { token: physician.token, expect: [201, 422] });
      if (answer.status === 201) return answer.body as PrescriptionView;
      const blocks = ((answer.body as ErrorBody).error?.evaluation?.results ?? []).filter((r) => r.outcome === 'BLOCK');
      // Until the certification arrives the device is unknown: DEVICE_CERTIFIED blocks (and the rules that need it with it).
      const uncertified = blocks.some((r) => r.ruleId === 'DEVICE_CERTIFIED');
      if (!uncertified) throw new Error(`POST /v1/prescriptions refused: ${JSON.stringify(answer.body)}`);
      return undefined;
    },
    wait(wf),
  );
  return { id: issued.id, deviceId: device.deviceId, startDate: issued.startDate, endDate: issued.endDate, body, issued };
}

/** A renewal of `prescription` by its prescriber (API.md "renewalOf"): the same enrolment continues. */
export const renewPrescription = (wf: Workflow, device: Device, prescription: Prescription, options: { durationMonths?: number } = {}) =>
  prescribe(wf, device, { renewalOf: prescription, durationMonths: options.durationMonths });

/** The enrolment the platform creates for a prescription (matches any prescription of its chain). */
export async function waitForEnrolment(
  wf: Workflow,
  prescriptionId: string,
  predicate: (enrolment: EnrolmentView) => boolean = () => true,
): Promise<EnrolmentView> {
  return pollUntil(
    `the enrolment of prescription ${prescriptionId}`,
    async () => {
      const { body } = await wf.client.get<Page<EnrolmentView>>(`/v1/enrolments?prescriptionId=${prescriptionId}`, { token: wf.actors.operator.token });
      const enrolment = body.items[0];
      return enrolment && predicate(enrolment) ? enrolment : undefined;
    },
    wait(wf),
  );
}

export const getEnrolment = async (wf: Workflow, enrolmentId: string): Promise<EnrolmentView> =>
  (await wf.client.get<EnrolmentView>(`/v1/enrolments/${enrolmentId}`, { token: wf.actors.operator.token })).body;

/** The patient consents (signed a minute before the platform's now); then waits for the AMO's rights answer (OPEN). */
export async function giveConsent(wf: Workflow, enrolmentId: string, options: { signedAt?: Date } = {}): Promise<EnrolmentView> {
  await wf.client.post(
    `/v1/enrolments/${enrolmentId}/consent`,
    { consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: (options.signedAt ?? new Date(wf.now().getTime() - 60_000)).toISOString() },
    { token: wf.actors.patient.token, expect: 200 },
  );
  return pollUntil(
    `open rights of enrolment ${enrolmentId}`,
    async () => {
      const enrolment = await getEnrolment(wf, enrolmentId);
      if (['CLOSED', 'UNAVAILABLE'].includes(enrolment.rights?.status)) throw new Error(`rights of ${enrolmentId}: ${enrolment.rights.status}`);
      return enrolment.rights?.status === 'OPEN' ? enrolment : undefined;
    },
    wait(wf),
  );
}

/** The operator assigns a device of the prescribed product. */
export async function assignDevice(wf: Workflow, enrolmentId: string, device: Device, serialNumber = `SN-${freshSuffix()}`): Promise<EnrolmentView> {
  return (await wf.client.post<EnrolmentView>(`/v1/enrolments/${enrolmentId}/device`, { serialNumber, udiDi: device.udiDi }, { token: wf.actors.operator.token, expect: 200 })).body;
}

/** The operator activates the monitoring (`activatedAt` may lie in the past, never before the consent): ACTIVE. */
export async function activate(wf: Workflow, enrolmentId: string, options: { activatedAt?: Date } = {}): Promise<EnrolmentView> {
  const body = options.activatedAt ? { activatedAt: options.activatedAt.toISOString() } : {};
  return (await wf.client.post<EnrolmentView>(`/v1/enrolments/${enrolmentId}/activation`, body, { token: wf.actors.operator.token, expect: 200 })).body;
}

/** What the device sent, as the operator's platform reports it: one PERIODIC transmission every `everyHours` in [from, to], in batches of 1,000. */
export async function reportTransmissions(
  wf: Workflow,
  enrolmentId: string,
  options: { from: Date; to?: Date; everyHours?: number },
): Promise<{ accepted: number; latestAt?: string }> {
  const to = (options.to ?? new Date(wf.now().getTime() - 60_000)).getTime();
  const step = (options.everyHours ?? 6) * HOUR_MS;
  const items = [];
  for (let at = options.from.getTime(); at <= to; at += step) items.push({ at: new Date(at).toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' });
  let accepted = 0;
  let latestAt: string | undefined;
  for (let i = 0; i < items.length; i += 1_000) {
    const { body } = await wf.client.post<{ accepted: number; latestAt?: string }>(`/v1/enrolments/${enrolmentId}/transmissions`, { items: items.slice(i, i + 1_000) }, { token: wf.actors.operator.token, expect: 202 });
    accepted += body.accepted;
    latestAt = body.latestAt ?? latestAt;
  }
  return { accepted, latestAt };
}

/** The operator records a connectivity incident; the incident (with its `id` and `responsibleParty`). */
export async function reportIncident(
  wf: Workflow,
  enrolmentId: string,
  incident: { startedAt: Date; endedAt?: Date; cause: 'NETWORK_COVERAGE' | 'DEVICE_FAULT' | 'PATIENT' | 'UNKNOWN' },
): Promise<RecordedIncident> {
  const body = { startedAt: incident.startedAt.toISOString(), ...(incident.endedAt ? { endedAt: incident.endedAt.toISOString() } : {}), cause: incident.cause };
  return (await wf.client.post<RecordedIncident>(`/v1/enrolments/${enrolmentId}/connectivity-incidents`, body, { token: wf.actors.operator.token, expect: 201 })).body;
}

/** The evaluator suspends the device's certification (its enrolments are suspended through Kafka). */
export async function suspendDevice(wf: Workflow, deviceId: string, reason = 'Vigilance report under investigation'): Promise<DeviceView> {
  return (await wf.client.post<DeviceView>(`/v1/devices/${deviceId}/suspension`, { reason }, { token: wf.actors.evaluator.token, expect: 200 })).body;
}

export interface BillingRun {
  id: string;
  period: string;
  status: string;
  enrolments: number;
  claimed: number;
  skipped: Array<{ enrolmentId: string; reason: string }>;
}

/** The admin bills a period (`YYYY-MM`, ended on the platform clock); waits until the run COMPLETED (FAILED throws). */
export async function startBillingRun(wf: Workflow, period: string): Promise<BillingRun> {
  const started = await wf.client.post<{ id: string }>('/v1/billing-runs', { period }, { token: wf.actors.admin.token, expect: 202 });
  return waitForBillingRun(wf, started.body.id);
}

export async function waitForBillingRun(wf: Workflow, id: string): Promise<BillingRun> {
  return pollUntil(
    `billing run ${id} completed`,
    async () => {
      const { body } = await wf.client.get<BillingRun>(`/v1/billing-runs/${id}`, { token: wf.actors.admin.token });
      if (body.status === 'FAILED') throw new Error(`billing run ${id} FAILED: ${JSON.stringify(body)}`);
      return body.status === 'COMPLETED' ? body : undefined;
    },
    { ...wait(wf), timeoutMs: Math.max(60_000, wf.timeoutMs ?? 0) },
  );
}

/** Every claim of a period the processor sees (every page), optionally of one status. */
export async function listClaims(wf: Workflow, query: { period?: string; status?: string } = {}): Promise<ClaimView[]> {
  const claims: ClaimView[] = [];
  const filter = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as Array<[string, string]>);
  for (let page = 1; ; page += 1) {
    const { body } = await wf.client.get<Page<ClaimView>>(`/v1/claims?${filter}&pageSize=200&page=${page}`, { token: wf.actors.claimsProcessor.token });
    claims.push(...body.items);
    if (claims.length >= body.total || body.items.length === 0) return claims;
  }
}

/** Until the enrolment's claims of the period number `count` (default 1) and each is in `status` (default SUBMITTED: in the processors' queue). */
export async function waitForClaims(
  wf: Workflow,
  options: { enrolmentId: string; period: string; status?: string; count?: number },
): Promise<ClaimView[]> {
  const status = options.status ?? 'SUBMITTED';
  return pollUntil(
    `${options.count ?? 1} ${status} claim(s) of enrolment ${options.enrolmentId} for ${options.period}`,
    async () => {
      const claims = (await listClaims(wf, { period: options.period })).filter((c) => c.enrolmentId === options.enrolmentId);
      return claims.length === (options.count ?? 1) && claims.every((c) => c.status === status) ? claims : undefined;
    },
    wait(wf),
  );
}

/** The claims processor decides a SUBMITTED claim (default: approve it whole). */
export async function adjudicate(wf: Workflow, claimId: string, decision: Record<string, unknown> = { decision: 'APPROVE' }): Promise<ClaimView> {
  return (await wf.client.post<ClaimView>(`/v1/claims/${claimId}/adjudication`, decision, { token: wf.actors.claimsProcessor.token, expect: 200 })).body;
}

/** Until the payment job has paid the claim (PAID, with its payment reference). */
export async function waitForPayment(wf: Workflow, claimId: string): Promise<ClaimView> {
  return pollUntil(
    `claim ${claimId} paid`,
    async () => {
      const { body } = await wf.client.get<ClaimView>(`/v1/claims/${claimId}`, { token: wf.actors.claimsProcessor.token });
      if (body.status === 'REJECTED' || body.status === 'CANCELLED') throw new Error(`claim ${claimId} ${body.status}: ${JSON.stringify(body.rejection)}`);
      return body.status === 'PAID' ? body : undefined;
    },
    wait(wf),
  );
}

/** The remittance advices a payee org reads (its own token), optionally of one period. */
export async function remittances(wf: Workflow, token: string, query: { period?: string } = {}): Promise<RemittanceView[]> {
  const filter = query.period ? `?period=${query.period}` : '';
  return (await wf.client.get<Page<RemittanceView>>(`/v1/remittances${filter}`, { token })).body.items;
}

/** The inbox of a token's holder (their own and their org's), newest first; waits until `until` holds of it. */
export async function waitForNotifications(
  wf: Workflow,
  token: string,
  until: (notifications: NotificationView[]) => boolean,
  what = 'the notifications awaited',
): Promise<NotificationView[]> {
  return pollUntil(
    what,
    async () => {
      const { body } = await wf.client.get<Page<NotificationView>>('/v1/notifications?pageSize=200', { token });
      return until(body.items) ? body.items : undefined;
    },
    wait(wf),
  );
}

/** The recipient reads a notification (the first reading is recorded, and audited when the fact engages a physician). */
export async function readNotification(wf: Workflow, token: string, id: string): Promise<NotificationView> {
  return (await wf.client.post<NotificationView>(`/v1/notifications/${id}/read`, {}, { token, expect: 200 })).body;
}

export interface DownloadedDossier {
  dossier: LiabilityDossier;
  /** The ledger's public key (`GET /v1/ledger/public-key`), fetched apart from the dossier. */
  publicKeyPem: string;
  /** `GET /v1/ledger/signers`, fetched apart from the dossier (verifyDossier's `signers`). */
  signers: Signer[];
}

/**
 * The prescriber downloads the prescription's liability dossier, once it
 * holds every step of `steps` (its summary's step names, e.g. 'claim.paid');
 * with the ledger's key and signers, to verify it offline (libs/audit verifyDossier).
 */
export async function downloadDossier(wf: Workflow, prescriptionId: string, options: { steps?: string[] } = {}): Promise<DownloadedDossier> {
  const steps = options.steps ?? [];
  const dossier = await pollUntil(
    `the dossier of ${prescriptionId} holding ${steps.join(', ') || 'its entries'}`,
    async () => {
      const answer = await wf.client.get<LiabilityDossier>(`/v1/liability/prescriptions/${prescriptionId}`, { token: wf.actors.physician.token, expect: [200, 404] });
      if (answer.status !== 200) return undefined;
      const have = new Set(answer.body.summary.map((line) => line.step));
      return steps.every((step) => have.has(step)) ? answer.body : undefined;
    },
    wait(wf),
  );
  const key = await wf.client.get<{ publicKeyPem: string }>('/v1/ledger/public-key', { token: wf.actors.auditor.token });
  const signers = await wf.client.get<{ items: Signer[] }>('/v1/ledger/signers', { token: wf.actors.auditor.token });
  return { dossier, publicKeyPem: key.body.publicKeyPem, signers: signers.body.items };
}
