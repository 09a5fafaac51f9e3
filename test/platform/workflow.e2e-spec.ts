import { verifyDossier } from '@app/audit';
import { clockOffsetTo, LocalPlatform } from '../../scripts/platform/local-platform';
import {
  activate,
  assignDevice,
  certifyDevice,
  type Device,
  downloadDossier,
  freshActors,
  GatewayClient,
  getEnrolment,
  giveConsent,
  HOME_COVERAGE_JUSTIFICATION,
  listClaims,
  pollUntil,
  prescribe,
  type Prescription,
  registerDevice,
  remittances,
  renewPrescription,
  reportIncident,
  reportTransmissions,
  startBillingRun,
  suspendDevice,
  readNotification,
  waitForNotifications,
  waitForClaims,
  waitForEnrolment,
  waitForPayment,
  adjudicate,
  type Workflow,
  fhirEverything,
  fhirMetadata,
  fhirRead,
  fhirSearchAll,
} from '../../scripts/workflow';
import { expectValidFhir } from '@app/testing';
import type { Resource } from '@medplum/fhirtypes';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { DAY_MS, HOUR_MS, parisInstant, periodBefore } from '../support/billing-calendar';

jest.setTimeout(180_000);

/**
 * The platform as it runs in production, on this machine: every service its
 * own Node process (LocalPlatform), every call through the gateway over HTTP,
 * the services talking only through Kafka. One platform for the three
 * scenarios, its clock moved by restarting it with CLOCK_OFFSET (API.md
 * "Time"): M is the month two months back.
 *   M-02 09:00  enrol: the workflow (justified HOME_COVERAGE override), the two suspension cases, the renewal
 *   M-15 09:00  the second suspension case activated (dated the 10th), the device suspended
 *   M+1-03      transmissions and an incident reported late, M billed, adjudicated, paid, remitted
 *   now         M+1 billed: the renewal's month under the renewed prescription, M never twice
 * The scheduler is kept out of M until the last phase (BILLING_GRACE_HOURS 27 days): the admin's
 * runs bill once Kafka has settled, so each month's facts are complete when billed.
 */
describe('the platform end to end: every service its own process, HTTP through the gateway, Kafka between them', () => {
  const m = periodBefore(2);
  const next = periodBefore(1);
  const minimumDays = 10;
  let platform: LocalPlatform;
  let client: GatewayClient;
  const flow = (actors = freshActors()): Workflow => ({ client, actors, now: () => platform.now() });
  const moveTo = (instant: Date) => platform.restartAll({ CLOCK_OFFSET: clockOffsetTo(instant) });
  const activation = (enrolment: { activatedAt?: string }) => Date.parse(enrolment.activatedAt ?? 'not activated');

  // What the phases hand each other.
  let main: { wf: Workflow; device: Device; prescription: Prescription; enrolmentId: string; activatedAt: number };
  let suspension: { device: Device; full: { wf: Workflow; enrolmentId: string; prescription: Prescription }; short: { wf: Workflow; enrolmentId: string; prescription: Prescription } };
  let renewal: { wf: Workflow; first: Prescription; renewed: Prescription; enrolmentId: string; activatedAt: number };
  let billingOfM: Awaited<ReturnType<typeof startBillingRun>>;

  beforeAll(async () => {
    platform = await LocalPlatform.start({
      env: { CLOCK_OFFSET: clockOffsetTo(parisInstant(m, 2, 9)) },
      serviceEnv: { claims: { BILLING_GRACE_HOURS: String(24 * 27), MINIMUM_BILLABLE_DAYS: String(minimumDays), PAYMENT_DELAY_MS: '500' } },
    });
    client = new GatewayClient(platform.gatewayUrl);
  }, 300_000);

  afterAll(() => platform?.stop(), 120_000);

  /** Up to ACTIVE at the platform's now (or `activatedAt`), for a device already certified. */
  async function enrol(wf: Workflow, device: Device, options: { justifiedOverride?: boolean; durationMonths?: number; activate?: boolean } = {}) {
    const prescription = await prescribe(wf, device, options);
    const enrolment = await waitForEnrolment(wf, prescription.id);
    expect(enrolment).toMatchObject({ status: 'PENDING_CONSENT', prescriptionId: prescription.id, deviceId: device.deviceId, operatorOrg: wf.actors.operator.org });
    await giveConsent(wf, enrolment.id);
    await assignDevice(wf, enrolment.id, device);
    if (options.activate === false) return { prescription, enrolmentId: enrolment.id as string, activatedAt: NaN };
    const active = await activate(wf, enrolment.id);
    expect(active.status).toBe('ACTIVE');
    return { prescription, enrolmentId: enrolment.id as string, activatedAt: activation(active) };
  }

  it(`enrols on ${m}-02: a justified override of HOME_COVERAGE, two patients of a device to suspend, and a renewal`, async () => {
    const wf = flow();
    const device = await certifyDevice(wf, await registerDevice(wf));
    main = { wf, device, ...(await enrol(wf, device, { justifiedOverride: true })) };
    const issued = main.prescription.issued;
    expect(issued.evaluation.results.filter((r: { outcome: string }) => r.outcome !== 'PASS')).toEqual([
      { ruleId: 'HOME_COVERAGE', outcome: 'WARN', message: expect.stringContaining('POOR') },
    ]);
    expect(issued.overrides).toEqual([{ ruleId: 'HOME_COVERAGE', justification: HOME_COVERAGE_JUSTIFICATION }]);
    expect(new Date(main.activatedAt).toISOString().slice(0, 10)).toBe(`${m}-02`);

    // Two patients of one device, the second activated later (on the 15th, dated the 10th).
    const fullWf = flow();
    const suspended = await certifyDevice(fullWf, await registerDevice(fullWf));
    const full = await enrol(fullWf, suspended);
    const shortWf: Workflow = { ...fullWf, actors: { ...fullWf.actors, patient: freshActors().patient } };
    const short = await enrol(shortWf, suspended, { activate: false });
    suspension = { device: suspended, full: { wf: fullWf, enrolmentId: full.enrolmentId, prescription: full.prescription }, short: { wf: shortWf, enrolmentId: short.enrolmentId, prescription: short.prescription } };

    // A one-month prescription, renewed at once: the renewal starts the day after it ends, on the same enrolment.
    const renewalWf = flow();
    const renewalDevice = await certifyDevice(renewalWf, await registerDevice(renewalWf));
    const first = await enrol(renewalWf, renewalDevice, { durationMonths: 1 });
    const renewed = await renewPrescription(renewalWf, renewalDevice, first.prescription, { durationMonths: 3 });
    expect(renewed.issued).toMatchObject({ status: 'ISSUED', renewalOf: first.prescription.id });
    expect(Date.parse(renewed.startDate)).toBeGreaterThan(Date.parse(first.prescription.endDate) - DAY_MS);
    const continued = await waitForEnrolment(renewalWf, renewed.id, (e) => (e.prescriptionIds ?? []).includes(renewed.id));
    expect(continued).toMatchObject({ id: first.enrolmentId, status: 'ACTIVE', prescriptionIds: [first.prescription.id, renewed.id] });
    const enrolments = (await client.get(`/v1/enrolments?prescriptionId=${renewed.id}`, { token: renewalWf.actors.operator.token })).body;
    expect(enrolments.total).toBe(1);
    renewal = { wf: renewalWf, first: first.prescription, renewed, enrolmentId: first.enrolmentId, activatedAt: first.activatedAt };
  });

  it(`suspends the device on ${m}-15: each of its enrolments is suspended`, async () => {
    await moveTo(parisInstant(m, 15, 9));
    const { device, full, short } = suspension;
    // The second patient's monitoring began on the 10th, recorded late.
    const active = await activate(short.wf, short.enrolmentId, { activatedAt: parisInstant(m, 10, 9) });
    expect(active).toMatchObject({ status: 'ACTIVE', activatedAt: parisInstant(m, 10, 9).toISOString() });
    for (const one of [full, short]) {
      const enrolment = await getEnrolment(one.wf, one.enrolmentId);
      await reportTransmissions(one.wf, one.enrolmentId, { from: new Date(activation(enrolment) + 60_000) });
    }
    const suspendedDevice = await suspendDevice(full.wf, device.deviceId);
    expect(suspendedDevice.status).toBe('SUSPENDED');
    for (const one of [full, short]) {
      const enrolment = await pollUntil(`enrolment ${one.enrolmentId} suspended`, async () => {
        const current = await getEnrolment(one.wf, one.enrolmentId);
        return current.status === 'SUSPENDED' ? current : undefined;
      }, { timeoutMs: 30_000, intervalMs: 200 });
      expect(enrolment.status).toBe('SUSPENDED');
    }
    // Their prescriber is told, once per prescription, and reads one: the reading is part of that prescription's dossier.
    const prescriptions = [full, short].map((one) => `prescription:${one.prescription.id}`);
    const told = await waitForNotifications(full.wf, full.wf.actors.physician.token, (items) =>
      prescriptions.every((ref) => items.some((n) => n.type === 'DEVICE_SUSPENDED' && n.relatedSubjects.includes(ref))),
    );
    expect(told.filter((n) => n.type === 'DEVICE_SUSPENDED' && n.subject === `device:${device.deviceId}`)).toHaveLength(2);
    const read = await readNotification(full.wf, full.wf.actors.physician.token, told.find((n) => n.type === 'DEVICE_SUSPENDED')!.id);
    expect(read).toMatchObject({ status: 'READ', version: 2 });
  });

  it(`bills ${m} on ${next}-03: the workflow's claim adjudicated, paid and remitted; its dossier names every party and verifies offline`, async () => {
    await moveTo(parisInstant(next, 3, 9));
    const { wf, enrolmentId, prescription, device } = main;
    // The operator's platform reports the month late, and an outage of the network (no day lost for it).
    await reportTransmissions(wf, enrolmentId, { from: new Date(main.activatedAt + 60_000) });
    const incident = await reportIncident(wf, enrolmentId, { startedAt: parisInstant(m, 20, 10), endedAt: parisInstant(m, 21, 12), cause: 'NETWORK_COVERAGE' });
    expect(incident).toMatchObject({ id: expect.any(String), enrolmentId, cause: 'NETWORK_COVERAGE', openedBy: 'operator' });
    expect((await getEnrolment(wf, enrolmentId)).incidents).toContainEqual(expect.objectContaining({ incidentId: incident.id, cause: 'NETWORK_COVERAGE' }));
    await reportTransmissions(renewal.wf, renewal.enrolmentId, { from: new Date(renewal.activatedAt + 60_000) });
    await platform.settled();

    billingOfM = await startBillingRun(wf, m);
    expect(billingOfM).toMatchObject({ period: m, status: 'COMPLETED' });
    const [claim] = await waitForClaims(wf, { enrolmentId, period: m });
    // Activated on the 2nd: 30 billable days; two flat fees, no proration; ALD: the AMO pays all.
    expect(claim).toMatchObject({ prescriptionId: prescription.id, period: m, billableDays: 30, totalCents: 7_800, amoShareCents: 7_800, patientShareCents: 0 });
    expect(claim.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'OPERATOR', code: 'TVB', payee: wf.actors.operator.org, amountCents: 2_800 }),
        expect.objectContaining({ kind: 'TECHNICAL', code: device.lppCode, payee: device.exploitant.siret, amountCents: 5_000 }),
      ]),
    );

    await adjudicate(wf, claim.id, { decision: 'APPROVE' });
    const paid = await waitForPayment(wf, claim.id);
    expect(paid).toMatchObject({ status: 'PAID', approvedCents: 7_800, payment: { reference: expect.any(String), paidAt: expect.any(String) } });
    const [toOperator] = await remittances(wf, wf.actors.operator.token);
    expect(toOperator).toMatchObject({ payee: wf.actors.operator.org, totalCents: 2_800, claims: [{ claimId: claim.id, lines: [{ kind: 'OPERATOR', code: 'TVB', amountCents: 2_800 }], amountCents: 2_800 }] });
    const [toExploitant] = await remittances(wf, wf.actors.exploitant.token);
    expect(toExploitant).toMatchObject({ payee: device.exploitant.siret, totalCents: 5_000, claims: [{ claimId: claim.id, amountCents: 5_000 }] });
    expect(await remittances(wf, wf.actors.vendor.token)).toEqual([]);
    // Each payee is told it was paid, with its own amount.
    const paidNotices = await waitForNotifications(wf, wf.actors.operator.token, (items) => items.some((n) => n.type === 'CLAIM_PAID' && n.subject === `claim:${claim.id}`));
    expect(paidNotices.find((n) => n.type === 'CLAIM_PAID')!.message).toContain('28.00 EUR');

    const steps = ['device.registered', 'device.certified', 'prescription.issued', 'enrolment.activated', 'claim.created', 'claim.adjudicated', 'claim.paid'];
    const { dossier, publicKeyPem, signers } = await downloadDossier(wf, prescription.id, { steps });
    const parties = new Set(dossier.summary.map((line) => line.party));
    for (const party of ['vendor', 'evaluator', 'physician', 'patient', 'operator', 'claims_processor']) expect({ party, named: parties.has(party as never) }).toEqual({ party, named: true });
    const partyOf = (step: string) => dossier.summary.find((line) => line.step === step)?.party;
    expect([partyOf('device.registered'), partyOf('device.certified'), partyOf('prescription.issued'), partyOf('enrolment.activated'), partyOf('claim.adjudicated')]).toEqual([
      'vendor',
      'evaluator',
      'physician',
      'operator',
      'claims_processor',
    ]);
    // Offline: a JSON copy of what was downloaded, against the key and signers fetched apart from it.
    const offline = JSON.parse(JSON.stringify(dossier));
    expect(verifyDossier(offline, publicKeyPem, { signers })).toMatchObject({ ok: true, failures: [] });
    const altered = JSON.parse(JSON.stringify(dossier));
    const paidEntry = altered.entries.find((item: { entry: { action: string } }) => item.entry.action === 'claim.paid');
    paidEntry.entry.evidence = { ...paidEntry.entry.evidence, amountCents: 1 };
    expect(verifyDossier(altered, publicKeyPem, { signers }).ok).toBe(false);
    expect(JSON.stringify(dossier)).not.toContain(wf.actors.patient.nir);
  });

  it(`claims ${m} of the suspended device in full when its days before the suspension reach ${minimumDays}, and not at all below`, async () => {
    const { full, short } = suspension;
    // The 2nd to the 15th: 14 billable days, the whole month's flat fees; the 10th to the 15th: 6, nothing.
    const [claim] = await waitForClaims(full.wf, { enrolmentId: full.enrolmentId, period: m });
    expect(claim).toMatchObject({ period: m, billableDays: 14, totalCents: 7_800, amoShareCents: 7_800 });
    expect(claim.lines.map((line: { kind: string; amountCents: number }) => [line.kind, line.amountCents]).sort()).toEqual([
      ['OPERATOR', 2_800],
      ['TECHNICAL', 5_000],
    ]);
    expect(billingOfM.skipped).toContainEqual({ enrolmentId: short.enrolmentId, reason: 'BELOW_MINIMUM_DAYS' });
    expect(billingOfM.skipped.filter((s) => s.enrolmentId === full.enrolmentId)).toEqual([]);
    const ofShort = (await listClaims(short.wf, { period: m })).filter((c) => c.enrolmentId === short.enrolmentId);
    expect(ofShort).toEqual([]);
  });

  it(`keeps the renewal on one enrolment and claims no month twice (${m} under the first prescription, ${next} under the renewal)`, async () => {
    const { wf, enrolmentId, first, renewed } = renewal;
    const [ofM] = await waitForClaims(wf, { enrolmentId, period: m });
    expect(ofM).toMatchObject({ prescriptionId: first.id, totalCents: 7_800 });
    // Billing the month again claims nothing more.
    const again = await startBillingRun(wf, m);
    expect(again.claimed).toBe(0);
    expect(again.skipped).toContainEqual({ enrolmentId, reason: 'ALREADY_CLAIMED' });

    // Today: the next month is over; the renewal is in force on it.
    await platform.restartAll({ CLOCK_OFFSET: '0' });
    const enrolment = await getEnrolment(wf, enrolmentId);
    expect(enrolment).toMatchObject({ status: 'ACTIVE', prescriptionId: renewed.id, prescriptionIds: [first.id, renewed.id] });
    await reportTransmissions(wf, enrolmentId, { from: new Date(Date.parse(enrolment.lastTransmissionAt ?? 'none') + 6 * HOUR_MS) });
    await platform.settled();
    const ofNext = await startBillingRun(wf, next);
    expect(ofNext.skipped.filter((s) => s.enrolmentId === enrolmentId)).toEqual([]);
    const [claimOfNext] = await waitForClaims(wf, { enrolmentId, period: next });
    expect(claimOfNext).toMatchObject({ enrolmentId, period: next, totalCents: 7_800 });
    expect([first.id, renewed.id]).toContain(claimOfNext.prescriptionId);
    // One claim a month for the enrolment, across every run of both months.
    for (const period of [m, next]) {
      const claims = (await listClaims(wf, { period })).filter((c) => c.enrolmentId === enrolmentId);
      expect({ period, claims: claims.length }).toEqual({ period, claims: 1 });
    }
  });

  it('serves the workflow as FHIR R4 views: every resource valid, each one of its patient, metadata exactly what is served', async () => {
    const { wf, prescription, enrolmentId, device } = main;
    const { physician, patient, auditor } = wf.actors;
    const other = renewal.wf.actors;

    // metadata: every type services.json routes, and Patient (as $everything): nothing else.
    const metadata = await fhirMetadata(wf);
    expectValidFhir(metadata);
    const routed = loadServiceRegistry().flatMap((entry) => entry.prefixes.filter((prefix) => prefix.startsWith('/fhir/R4/')).map((prefix) => prefix.slice('/fhir/R4/'.length)));
    const listed = metadata.rest?.[0].resource ?? [];
    expect(listed.map((resource) => resource.type).sort()).toEqual([...routed, 'Patient'].sort());

    // $everything, as the prescriber: the patient's resources of every type, valid, none of another patient.
    const everything = await fhirEverything(wf, patient.pseudonym, physician.token);
    expectValidFhir(everything);
    const resources = (everything.entry ?? []).map((entry) => entry.resource as Resource);
    for (const resource of resources) expectValidFhir(resource);
    const types = new Set(resources.map((resource) => resource.resourceType));
    for (const type of ['DeviceRequest', 'Device', 'Consent', 'Coverage', 'Claim', 'ClaimResponse', 'AuditEvent', 'Provenance']) expect({ type, served: types.has(type as never) }).toEqual({ type, served: true });
    for (const resource of resources) {
      const text = JSON.stringify(resource);
      expect({ id: `${resource.resourceType}/${resource.id}`, names: text.includes(`Patient/${patient.pseudonym}`) }).toEqual({ id: `${resource.resourceType}/${resource.id}`, names: true });
      expect(text).not.toContain(other.patient.pseudonym);
    }
    expect(everything.total).toBe(resources.length);
    // The NIR: to the prescriber and to the patient, who read it in the JSON API too (the prescription, the export); to nobody else.
    const nir = patient.nir.replace(/\s+/g, '');
    expect(JSON.stringify(resources.filter((r) => r.resourceType === 'DeviceRequest'))).toContain(nir);
    const ownView = await fhirEverything(wf, patient.pseudonym, patient.token);
    expect(ownView.total).toBeGreaterThan(0);
    expect(JSON.stringify(ownView)).toContain(nir);
    const audited = await fhirEverything(wf, patient.pseudonym, auditor.token);
    expect([...new Set((audited.entry ?? []).map((entry) => entry.resource?.resourceType))]).toEqual(expect.arrayContaining(['AuditEvent', 'Provenance']));
    expect(JSON.stringify(audited)).not.toContain(nir);

    // Another physician, asking for this patient: an empty Bundle, and a 404 for the prescription.
    const stranger = await fhirEverything(wf, patient.pseudonym, other.physician.token);
    expect(stranger).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0 });
    const hidden = await fhirRead(wf, `DeviceRequest/${prescription.id}`, other.physician.token, 404);
    expectValidFhir(hidden);
    expect(hidden).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });

    // The references between services resolve, each read valid.
    const request = await fhirRead(wf, `DeviceRequest/${prescription.id}`, physician.token);
    const definition = await fhirRead(wf, `DeviceDefinition/${device.deviceId}`, physician.token);
    const coverage = await fhirRead(wf, `Coverage/${enrolmentId}`, physician.token);
    for (const resource of [request, definition, coverage]) expectValidFhir(resource);
    expect(JSON.stringify(request)).toContain(`DeviceDefinition/${device.deviceId}`);
    const claim = resources.find((resource) => resource.resourceType === 'Claim')!;
    expect(JSON.stringify(claim)).toContain(`Coverage/${enrolmentId}`);
    expect(JSON.stringify(claim)).toContain(`DeviceRequest/${prescription.id}`);

    // Each listed search parameter is served, an unlisted one refused; paging follows `next` to every match.
    for (const resource of listed.filter((entry) => entry.interaction?.some((interaction) => interaction.code === 'search-type'))) {
      const found = resources.find((candidate) => candidate.resourceType === resource.type);
      const status = (found as { status?: string } | undefined)?.status;
      const sample: Record<string, string> = { patient: `Patient/${patient.pseudonym}`, _lastUpdated: 'ge2000-01-01', _count: '1', _page: '1', ...(status ? { status } : {}) };
      for (const param of resource.searchParam ?? []) {
        if (!(param.name in sample)) continue;
        const answer = await wf.client.get(`/fhir/R4/${resource.type}?${param.name}=${encodeURIComponent(sample[param.name])}`, { token: physician.token });
        expect({ type: resource.type, param: param.name, status: answer.status, contentType: answer.headers.get('content-type') }).toEqual({ type: resource.type, param: param.name, status: 200, contentType: 'application/fhir+json; charset=utf-8' });
        if (found && (param.name === 'patient' || param.name === 'status')) expect(JSON.stringify(answer.body)).toContain(found.id);
      }
      const refused = await wf.client.get(`/fhir/R4/${resource.type}?unlisted=1`, { token: physician.token, expect: 400 });
      expect(refused.body).toMatchObject({ resourceType: 'OperationOutcome', issue: expect.arrayContaining([expect.objectContaining({ expression: ['unlisted'] })]) });
    }
    const paged = await fhirSearchAll(wf, 'AuditEvent', { patient: patient.pseudonym, _count: '2' }, physician.token);
    expect(paged.pages).toBeGreaterThan(1);
    expect(new Set(paged.resources.map((resource) => resource.id)).size).toBe(paged.total);
    expect(paged.total).toBe(resources.filter((resource) => resource.resourceType === 'AuditEvent').length);

    // A type nobody serves, and Patient but as $everything: 404 as OperationOutcome.
    for (const path of ['/fhir/R4/Observation', `/fhir/R4/Patient/${patient.pseudonym}`]) {
      const missing = await wf.client.get(path, { token: physician.token, expect: 404 });
      expect(missing.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    }
  });
});
