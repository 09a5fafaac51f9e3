import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { createTestPatientKeys, eventually, testSigners, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { DAY_MS, HOUR_MS, parisInstant, periodBefore, randomSiret } from './support/billing-calendar';
import { claimsTokens, startClaims } from '../apps/claims/src/testing/claims.test-app';
import { productBody, startDeviceCertification, tokens as deviceTokens, VENDOR_A } from '../apps/device-certification/src/testing/device-certification.test-app';
import { enrolmentTokens, startEnrolment } from '../apps/enrolment/src/testing/enrolment.test-app';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens as prescriptionTokens } from '../apps/prescription/src/testing/prescription.test-app';
import { gatewayOver } from './support/gateway-over';

jest.setTimeout(240_000);

/**
 * The whole path of the platform's name, as its clients use it: a vendor
 * registers a device (with its exploitant), an evaluator certifies it, a
 * cardiologist prescribes it, the patient consents, the operator activates
 * the monitoring and reports the month's transmissions; forty days later the
 * admin bills the month, a claims processor approves the claim, the payment
 * job pays it, and each payee reads its remittance. Every call goes through
 * the gateway; the services learn of each other's steps through Kafka alone;
 * each runs as its own database role. The prescription's dossier then names
 * every party and verifies offline.
 */
describe('from a device registration to a remittance, and the dossier that proves it (gateway, five services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let enrolments: ServiceTestApp;
  let claims: ServiceTestApp;
  let ledger: ServiceTestApp;
  let keys: TestPatientKeys;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());
  const period = periodBefore(2);
  const exploitant = { siret: randomSiret(), name: 'Télésuivi Exploitation SAS' };
  const all = () => [devices, prescriptions, enrolments, claims, ledger];
  /** Every service's clock to `instant` (the platform reads one clock: CLOCK_OFFSET). */
  const moveClocks = (instant: Date) => {
    for (const app of all()) app.clock.advance(instant.getTime() - app.clock.now().getTime());
  };

  beforeAll(async () => {
    // Prescription seals the identity, enrolment and claims open it (the AMO needs it): one keys schema.
    keys = await createTestPatientKeys();
    [devices, prescriptions, enrolments, claims, ledger] = await Promise.all([
      startDeviceCertification({ ownRoles: true }),
      startPrescription({ ownRoles: true, keys }),
      startEnrolment({ ownRoles: true, keys }),
      startClaims({ ownRoles: true, keys }),
      startAuditLedger({ topic: TOPICS.auditEntries, ownRoles: true }),
    ]);
    gateway = await gatewayOver({
      'device-certification': devices.app,
      prescription: prescriptions.app,
      enrolment: enrolments.app,
      claims: claims.app,
      'audit-ledger': ledger.app,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    // One after the other: dropping roles at once updates the same catalogue rows.
    for (const app of [claims, enrolments, prescriptions, devices, ledger]) await app?.close();
    await keys?.drop();
  });

  it('registers, certifies, prescribes, monitors, bills, approves and pays; the dossier names every party and verifies offline', async () => {
    // The 2nd of a past month, 09:00 in Paris, on every service's clock.
    moveClocks(parisInstant(period, 2, 9));

    const created = await http().post('/v1/devices').set('Authorization', deviceTokens.vendorA).send(productBody({ exploitant })).expect(201);
    const deviceId = created.body.id as string;
    expect(created.body.exploitant).toEqual(exploitant);
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', deviceTokens.vendorA).expect(200);
    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', deviceTokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil: new Date(devices.clock.now().getTime() + 2 * 365 * DAY_MS).toISOString(), lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] })
      .expect(200);

    const body = prescriptionBody(deviceId);
    const issued = await eventually('the certification reaches prescription', async () => {
      const answer = await http().post('/v1/prescriptions').set('Authorization', prescriptionTokens.cardiologist).send(body);
      return answer.status === 201 ? answer : undefined;
    });
    const prescriptionId = issued.body.id as string;
    const operator = enrolmentTokens.operatorOf(body.operatorOrg);
    const enrolment = await eventually('the enrolment of the prescription', async () => {
      const list = await http().get(`/v1/enrolments?prescriptionId=${prescriptionId}`).set('Authorization', operator).expect(200);
      return list.body.items[0];
    });
    const enrolmentId = enrolment.id as string;
    await http()
      .post(`/v1/enrolments/${enrolmentId}/consent`)
      .set('Authorization', enrolmentTokens.patient(body.patient.nir))
      .send({ consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(enrolments.clock.now().getTime() - 60_000).toISOString() })
      .expect(200);
    await eventually('open rights', async () => {
      const { body: current } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return current.rights.status === 'OPEN';
    });
    await http().post(`/v1/enrolments/${enrolmentId}/device`).set('Authorization', operator).send({ serialNumber: 'SN-E2E-BILL-1', udiDi: created.body.udiDi }).expect(200);
    const active = await http().post(`/v1/enrolments/${enrolmentId}/activation`).set('Authorization', operator).send({}).expect(200);
    const activatedAt = Date.parse(active.body.activatedAt);

    // Forty days on: the month is over; the operator's platform reports what the device sent.
    moveClocks(new Date(activatedAt + 40 * DAY_MS));
    const items = [];
    for (let at = activatedAt + 60_000; at < enrolments.clock.now().getTime() - 60_000; at += 6 * HOUR_MS) {
      items.push({ at: new Date(at).toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' });
    }
    await http().post(`/v1/enrolments/${enrolmentId}/transmissions`).set('Authorization', operator).send({ items }).expect(202);
    // Claims has read every event of the enrolment (through Kafka) before the month is billed.
    await eventually('claims caught up with the enrolment', async () => {
      const [{ version }] = await enrolments.dataSource.query(`SELECT max(version)::int AS version FROM events WHERE stream_id = $1`, [enrolmentId]);
      const [facts] = await claims.dataSource.query(`SELECT stream_version FROM enrolment_facts WHERE enrolment_id = $1`, [enrolmentId]);
      return facts?.stream_version >= version;
    }, { timeoutMs: 30_000, intervalMs: 200 });

    const started = await http().post('/v1/billing-runs').set('Authorization', claimsTokens.admin).send({ period }).expect(202);
    const run = await eventually('the billing run completed', async () => {
      const { body: current } = await http().get(`/v1/billing-runs/${started.body.id}`).set('Authorization', claimsTokens.admin).expect(200);
      return current.status === 'COMPLETED' ? current : undefined;
    }, { timeoutMs: 60_000 });
    // Another test billing the same month on this machine may feed claims its enrolments too: ours is claimed by this run.
    expect(run).toMatchObject({ period, status: 'COMPLETED' });
    expect(run.claimed).toBeGreaterThanOrEqual(1);
    expect(run.skipped.filter((item: { enrolmentId: string }) => item.enrolmentId === enrolmentId)).toEqual([]);

    const processor = claimsTokens.claimsProcessor;
    const claim = await eventually('the claim in the processors\' queue', async () => {
      const { body: queue } = await http().get(`/v1/claims?status=SUBMITTED&period=${period}`).set('Authorization', processor).expect(200);
      return queue.items.find((item: { enrolmentId: string }) => item.enrolmentId === enrolmentId);
    }, { timeoutMs: 30_000 });
    expect(claim).toMatchObject({ prescriptionId, period, billingRunId: run.id, totalCents: 7_800, amoShareCents: 7_800, tariffVersion: '2023-07' });
    expect(claim.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'OPERATOR', code: 'TVB', payee: body.operatorOrg, amountCents: 2_800 }),
        expect.objectContaining({ kind: 'TECHNICAL', code: '1612544', payee: exploitant.siret, amountCents: 5_000 }),
      ]),
    );
    // The prescriber sees the claim of their prescription; another cardiologist does not.
    await http().get(`/v1/claims/${claim.id}`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    await http().get(`/v1/claims/${claim.id}`).set('Authorization', prescriptionTokens.otherCardiologist).expect(404);

    await http().post(`/v1/claims/${claim.id}/adjudication`).set('Authorization', processor).send({ decision: 'APPROVE' }).expect(200);
    const paid = await eventually('the claim paid', async () => {
      const { body: current } = await http().get(`/v1/claims/${claim.id}`).set('Authorization', processor).expect(200);
      return current.status === 'PAID' ? current : undefined;
    });
    expect(paid.payment).toMatchObject({ reference: expect.any(String), paidAt: expect.any(String) });

    // Each payee reads its own remittance advice: the AMO share of its line (ALD: 100 %).
    const remittanceOf = async (token: string) => (await http().get('/v1/remittances').set('Authorization', token).expect(200)).body.items;
    const [toOperator] = await remittanceOf(enrolmentTokens.operatorOf(body.operatorOrg));
    expect(toOperator).toMatchObject({ payee: body.operatorOrg, totalCents: 2_800, claims: [{ claimId: claim.id, lines: [{ kind: 'OPERATOR', code: 'TVB', amountCents: 2_800 }], amountCents: 2_800 }] });
    const [toExploitant] = await remittanceOf(claimsTokens.vendorOf(exploitant.siret));
    expect(toExploitant).toMatchObject({ payee: exploitant.siret, totalCents: 5_000, claims: [{ claimId: claim.id, amountCents: 5_000 }] });
    // The manufacturer, not the exploitant, is paid nothing.
    expect(await remittanceOf(claimsTokens.vendorOf(VENDOR_A))).toEqual([]);

    // The prescription's dossier: from the device's registration to the payment, each step with its party.
    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    const dossier = await eventually('the dossier holds the claim up to its payment', async () => {
      const answer = await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', prescriptionTokens.cardiologist);
      const steps = answer.status === 200 ? (answer.body as LiabilityDossier).summary.map((line) => line.step) : [];
      return ['device.registered', 'device.certified', 'prescription.issued', 'enrolment.activated', 'claim.created', 'claim.adjudicated', 'claim.paid'].every((step) => steps.includes(step))
        ? (answer.body as LiabilityDossier)
        : undefined;
    }, { timeoutMs: 30_000 });
    const parties = new Set(dossier.summary.map((line) => line.party));
    for (const party of ['vendor', 'evaluator', 'physician', 'patient', 'operator', 'claims_processor']) expect({ party, named: parties.has(party as never) }).toEqual({ party, named: true });
    const partyOf = (step: string) => dossier.summary.find((line) => line.step === step)?.party;
    expect(partyOf('claim.adjudicated')).toBe('claims_processor');
    const claimEntries = dossier.entries.filter((item) => item.entry.subject === `claim:${claim.id}`);
    for (const item of claimEntries) expect(item.entry.relatedSubjects).toEqual(expect.arrayContaining([`prescription:${prescriptionId}`, `device:${deviceId}`]));
    const signers = testSigners(['device-certification', 'prescription', 'enrolment', 'claims']);
    expect(verifyDossier(JSON.parse(JSON.stringify(dossier)) as LiabilityDossier, key.publicKeyPem, { signers })).toMatchObject({ ok: true, failures: [] });
    // An altered claim entry fails offline.
    const altered = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
    const paidEntry = altered.entries.find((item) => item.entry.action === 'claim.paid')!;
    paidEntry.entry.evidence = { ...paidEntry.entry.evidence, amountCents: 1 };
    expect(verifyDossier(altered, key.publicKeyPem, { signers }).ok).toBe(false);
    expect(JSON.stringify(dossier)).not.toContain(body.patient.nir);
  });

  it('answers readiness with claims among the routed services', async () => {
    const details = await http().get('/health/ready/details').set('Authorization', claimsTokens.admin).expect(200);
    expect(Object.keys(details.body.checks).sort()).toEqual(['audit-ledger', 'claims', 'device-certification', 'enrolment', 'prescription']);
  });
});
