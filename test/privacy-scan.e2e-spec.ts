import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { signDevToken } from '@app/auth';
import { ERASED, TOPICS } from '@app/contracts';
import { parisDate } from '@app/fr-health';
import { ensureTopics } from '@app/messaging';
import { createTestPatientKeys, eventually, findOnBroker, tablesHolding, testKafka, testSigners, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { enrolmentTokens, startEnrolment } from '../apps/enrolment/src/testing/enrolment.test-app';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { claimsTokens, startClaims } from '../apps/claims/src/testing/claims.test-app';
import { productBody, startDeviceCertification, tokens as deviceTokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { startNotifications } from '../apps/notifications/src/testing/notifications.test-app';
import { startPatients } from '../apps/patients/src/testing/patients.test-app';
import { prescriptionBody, randomNir } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens as prescriptionTokens } from '../apps/prescription/src/testing/prescription.test-app';
import { gatewayOver } from './support/gateway-over';

const admin = `Bearer ${signDevToken({ role: 'admin', sub: 'dpo-admin' })}`;

/** A patient no other test has: finding any of these anywhere in clear means it leaked from here. */
function testPatient() {
  const tag = randomBytes(4).toString('hex');
  const birthDate = `2011-0${randomInt(1, 10)}-${String(randomInt(10, 29))}`;
  return { nir: randomNir(), birthDate, familyName: `Kerbrat-${tag}`, givenNames: `Maelys-${tag} Anne`, sex: 'F' as const };
}

/**
 * The privacy scan (issue 10): after the flow that exists, the test patient's
 * NIR, birth date and names are nowhere in clear: no table of any schema, no
 * message the broker keeps, no log line of any service. Then the patient is
 * erased: every field reads "erased", and the prescription's dossier still
 * verifies offline. Later services extend the flow with their steps.
 */
describe('privacy scan: no personal data in clear anywhere, and an erasure that keeps every proof', () => {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let enrolments: ServiceTestApp;
  let ledger: ServiceTestApp;
  let patients: ServiceTestApp;
  let claims: ServiceTestApp;
  let notifications: ServiceTestApp;
  let gateway: INestApplication;
  let keys: TestPatientKeys;
  const http = () => request(gateway.getHttpServer());

  beforeAll(async () => {
    await ensureTopics(testKafka(), [TOPICS.deviceCertification, TOPICS.prescription, TOPICS.enrolment, TOPICS.claims, TOPICS.patients, TOPICS.notifications, TOPICS.auditEntries]);
    // The holder and the eraser share one patient keys schema, as they share `patient_keys` in a deployment.
    keys = await createTestPatientKeys();
    [devices, prescriptions, enrolments, ledger, patients, claims, notifications] = await Promise.all([
      startDeviceCertification({ ownRoles: true, logs: sink }),
      startPrescription({ ownRoles: true, logs: sink, keys }),
      startEnrolment({ ownRoles: true, logs: sink, keys }),
      startAuditLedger({ topic: TOPICS.auditEntries, ownRoles: true, logs: sink, signers: testSigners(['device-certification', 'prescription', 'enrolment', 'patients', 'claims', 'notifications']) }),
      startPatients({ ownRoles: true, logs: sink, keys }),
      // Claims bills her month (one billable day is enough here, whatever today's date): it opens her identity to submit it.
      startClaims({ ownRoles: true, logs: sink, keys, env: { MINIMUM_BILLABLE_DAYS: '1' } }),
      // Told of her suspension and the claim's rejection: by pseudonym only.
      startNotifications({ ownRoles: true, logs: sink }),
    ]);
    gateway = await gatewayOver(
      { 'device-certification': devices.app, prescription: prescriptions.app, enrolment: enrolments.app, 'audit-ledger': ledger.app, patients: patients.app, claims: claims.app, notifications: notifications.app },
      sink,
    );
  });

  afterAll(async () => {
    await gateway?.close();
    // One after the other: dropping roles at once updates the same catalogue rows ("tuple concurrently updated").
    for (const app of [claims, notifications, devices, prescriptions, enrolments, ledger, patients]) await app?.close();
    await keys?.drop();
  });

  it('finds the patient nowhere in clear, then erases them: "erased" everywhere, every proof still holds', async () => {
    const patient = testPatient();
    const secrets = [patient.nir, patient.birthDate, patient.familyName, patient.givenNames.split(' ')[0]];

    // A device, certified.
    const created = await http().post('/v1/devices').set('Authorization', deviceTokens.vendorA).send(productBody()).expect(201);
    const deviceId = created.body.id as string;
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', deviceTokens.vendorA).expect(200);
    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', deviceTokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil: new Date(Date.now() + 2 * 365 * 86_400_000).toISOString(), lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] })
      .expect(200);

    // A prescription for a minor (ADULT_PATIENT warns), justified with the patient's name; then cancelled with a reason naming them.
    const justification = `${patient.givenNames} ${patient.familyName} is followed with her parents' agreement`;
    const body = { ...prescriptionBody(deviceId), patient: { ...patient, homeCellularCoverage: 'GOOD', ald: true }, overrides: [{ ruleId: 'ADULT_PATIENT', justification }] };
    let last = '';
    const issued = await eventually('the certification reaches prescription', async () => {
      const answer = await http().post('/v1/prescriptions').set('Authorization', prescriptionTokens.cardiologist).send(body);
      last = `${answer.status} ${JSON.stringify(answer.body).slice(0, 600)}`;
      return answer.status === 201 ? answer : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; last answer: ${last}`);
    });
    const id = issued.body.id as string;
    const pseudonym = issued.body.patient.pseudonym as string;
    expect(issued.body.patient).toMatchObject({ nir: patient.nir, birthDate: patient.birthDate, familyName: patient.familyName, givenNames: patient.givenNames, sex: 'F' });
    expect(issued.body.overrides).toEqual([{ ruleId: 'ADULT_PATIENT', justification }]);

    // Her enrolment: consent signed by her parent (she is a minor), rights asked with her identity, device, activation, then a suspension naming her.
    const operator = enrolmentTokens.operatorOf(body.operatorOrg);
    const patientToken = `Bearer ${signDevToken({ role: 'patient', nir: patient.nir })}`;
    const enrolment = await eventually('the enrolment of the prescription', async () => {
      const list = await http().get(`/v1/enrolments?prescriptionId=${id}`).set('Authorization', operator).expect(200);
      return list.body.items[0];
    });
    const enrolmentId = enrolment.id as string;
    const consent = { consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(Date.now() - 60_000).toISOString() };
    const adultSigner = await http().post(`/v1/enrolments/${enrolmentId}/consent`).set('Authorization', patientToken).send(consent).expect(422);
    expect(adultSigner.body.error.code).toBe('ENROLMENT.REPRESENTATIVE_REQUIRED');
    await http()
      .post(`/v1/enrolments/${enrolmentId}/consent`)
      .set('Authorization', patientToken)
      .send({ ...consent, signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'PARENT' } })
      .expect(200);
    await eventually('open rights', async () => {
      const { body: current } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
      return current.rights.status === 'OPEN' ? true : undefined;
    });
    await http().post(`/v1/enrolments/${enrolmentId}/device`).set('Authorization', operator).send({ serialNumber: `SN-${randomBytes(4).toString('hex')}`, udiDi: created.body.udiDi }).expect(200);
    const activated = await http().post(`/v1/enrolments/${enrolmentId}/activation`).set('Authorization', operator).send({}).expect(200);

    // Forty days on, her month is billed; a processor rejects the claim with a note naming her, the operator contests it naming her too.
    const period = parisDate(new Date(activated.body.activatedAt)).slice(0, 7);
    for (const app of [devices, prescriptions, enrolments, ledger, patients, claims, notifications]) app.clock.advance(40 * 86_400_000);
    await eventually('claims caught up with her enrolment', async () => {
      const [{ version }] = await enrolments.dataSource.query(`SELECT max(version)::int AS version FROM events WHERE stream_id = $1`, [enrolmentId]);
      const [facts] = await claims.dataSource.query(`SELECT stream_version FROM enrolment_facts WHERE enrolment_id = $1`, [enrolmentId]);
      return facts?.stream_version >= version;
    }, { timeoutMs: 30_000 });
    // The every-minute run may bill the month first: either way there is one claim.
    await http().post('/v1/billing-runs').set('Authorization', admin).send({ period }).expect(202);
    const claim = await eventually('her claim in the processors\' queue', async () => {
      const list = await http().get(`/v1/claims?period=${period}&status=SUBMITTED`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
      return list.body.items.find((item: { enrolmentId: string }) => item.enrolmentId === enrolmentId);
    }, { timeoutMs: 60_000 });
    const claimId = claim.id as string;
    const rejectionNote = `${patient.givenNames} ${patient.familyName} was in hospital that month`;
    await http()
      .post(`/v1/claims/${claimId}/adjudication`)
      .set('Authorization', claimsTokens.claimsProcessor)
      .send({ decision: 'REJECT', reasonCode: 'OTHER', note: rejectionNote })
      .expect(200);
    const contestNote = `${patient.familyName}'s device kept transmitting from the hospital`;
    const contested = await http().post(`/v1/claims/${claimId}/contest`).set('Authorization', claimsTokens.operatorOf(body.operatorOrg)).send({ note: contestNote }).expect(200);
    expect(contested.body).toMatchObject({ status: 'SUBMITTED', contest: { note: contestNote } });
    const suspension = `${patient.givenNames} ${patient.familyName} is in hospital`;
    await http().post(`/v1/enrolments/${enrolmentId}/suspension`).set('Authorization', operator).send({ reason: suspension }).expect(200);
    const history = await http().get(`/v1/enrolments/${enrolmentId}/history`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    expect(history.body.items.find((item: { type: string }) => item.type === 'EnrolmentSuspended').data.reason).toBe(suspension);

    const reason = `${patient.familyName} moved to another region`;
    await http().post(`/v1/prescriptions/${id}/cancellation`).set('Authorization', prescriptionTokens.cardiologist).send({ reason }).expect(200);

    // The prescriber was told of the operator's suspension, the operator of the rejection: what notifications holds is scanned too.
    await eventually('the prescriber and the operator told', async () => {
      const told = await http().get('/v1/notifications').set('Authorization', prescriptionTokens.cardiologist).expect(200);
      const operatorTold = await http().get('/v1/notifications').set('Authorization', operator).expect(200);
      const types = [...told.body.items, ...operatorTold.body.items].map((n: { type: string }) => n.type);
      return ['ENROLMENT_SUSPENDED', 'CLAIM_REJECTED'].every((type) => types.includes(type)) ? true : undefined;
    });

    // The dossier gathers the steps, with the texts disclosed to the prescriber, each matching its commitment.
    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    const signers = testSigners(['device-certification', 'prescription', 'enrolment', 'patients', 'claims', 'notifications']);
    const dossierOf = (token: string) =>
      eventually('the dossier holds the issue and the cancellation', async () => {
        const answer = await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', token);
        const steps = answer.status === 200 ? (answer.body as LiabilityDossier).entries.map((e) => e.entry.decision) : [];
        return ['CERTIFIED', 'ISSUED', 'CONSENT_GIVEN', 'SUSPENDED', 'CANCELLED', 'ENDED', 'REJECTED_PROCESSOR', 'CONTESTED'].every((step) => steps.includes(step))
          ? (answer.body as LiabilityDossier)
          : undefined;
      });
    const before = await dossierOf(prescriptionTokens.cardiologist);
    expect(before.disclosures?.map((d) => d.text).sort()).toEqual([justification, suspension, reason, rejectionNote, contestNote].sort());
    expect(verifyDossier(before, key.publicKeyPem, { signers })).toMatchObject({ ok: true, failures: [] });

    // The scan: every table, every message the broker keeps, every log line.
    const onBroker = await findOnBroker(secrets);
    for (const secret of secrets) {
      expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
      expect({ secret, topics: onBroker[secret] }).toEqual({ secret, topics: [] });
      expect({ secret, logs: logs.filter((line) => line.includes(secret)) }).toEqual({ secret, logs: [] });
    }

    // The patient reads everything the platform holds about them.
    const exported = await http().get('/v1/patients/me/export').set('Authorization', patientToken).expect(200);
    expect(exported.body).toMatchObject({
      pseudonym,
      identity: { nir: patient.nir, birthDate: patient.birthDate, familyName: patient.familyName, givenNames: patient.givenNames, sex: 'F' },
      prescriptions: [{ id, overrides: [{ ruleId: 'ADULT_PATIENT', justification }], cancellation: { reason } }],
      enrolments: [{ id: enrolmentId, status: 'ENDED', endCause: 'PRESCRIPTION_CANCELLED', consent: { signedBy: 'LEGAL_REPRESENTATIVE' } }],
      claims: [{ id: claimId, contest: { note: contestNote } }],
    });
    expect(exported.body.ledgerEntries.map((e: { entry: { subject: string } }) => e.entry.subject)).toEqual(expect.arrayContaining([`prescription:${id}`]));

    // Erasure: the admin, with its legal basis.
    await http().post(`/v1/patients/${pseudonym}/erasure`).set('Authorization', admin).send({ legalBasis: 'ERASURE_REQUEST' }).expect(202);
    // The key is gone: every field reads "erased" at once, before prescription even reads PatientErased.
    const erasedView = await eventually('the erasure takes effect', async () => {
      const answer = await http().get(`/v1/prescriptions/${id}`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
      return answer.body.patient.nir === ERASED ? answer.body : undefined;
    });
    expect(erasedView.patient).toMatchObject({ pseudonym, nir: ERASED, birthDate: ERASED, familyName: ERASED, givenNames: ERASED, sex: ERASED });
    expect(erasedView.overrides).toEqual([{ ruleId: 'ADULT_PATIENT', justification: ERASED }]);
    expect(erasedView.cancellation.reason).toBe(ERASED);
    const audited = await http().get(`/v1/prescriptions/${id}`).set('Authorization', prescriptionTokens.auditor).expect(200);
    expect(audited.body.overrides).toEqual([{ ruleId: 'ADULT_PATIENT', justification: ERASED }]);

    const afterExport = await http().get('/v1/patients/me/export').set('Authorization', patientToken).expect(200);
    expect(afterExport.body.identity).toMatchObject({ nir: ERASED, birthDate: ERASED });
    expect(afterExport.body.prescriptions[0]).toMatchObject({ overrides: [{ justification: ERASED }], cancellation: { reason: ERASED } });

    // The dossier after the erasure: the texts are unchecked, not failures, and every proof and seal still verifies offline.
    const after = await eventually('the erasure entry reaches the ledger', async () => {
      const entries = await http().get(`/v1/ledger/entries?subject=patient:${pseudonym}`).set('Authorization', prescriptionTokens.auditor).expect(200);
      return entries.body.items.some((e: { entry: { action: string } }) => e.entry.action.startsWith('patient.')) ? dossierOf(prescriptionTokens.auditor) : undefined;
    });
    expect(after.disclosures?.every((d) => d.text === ERASED)).toBe(true);
    const verified = verifyDossier(JSON.parse(JSON.stringify(after)) as LiabilityDossier, key.publicKeyPem, { signers });
    expect(verified).toMatchObject({ ok: true, failures: [] });
    expect(JSON.stringify(after)).not.toContain(patient.familyName);

    // Prescription reads PatientErased and purges what it derived; the logs of every service, gateway included, still hold nothing of the patient.
    await eventually('prescription purges what it derived', async () => {
      const [row] = await prescriptions.dataSource.query(`SELECT identity_encrypted, patient_erased_at FROM prescriptions WHERE id = $1`, [id]);
      return row.patient_erased_at !== null && row.identity_encrypted === null ? true : undefined;
    });
    // Enrolment too: the identity's ciphertext forgotten, the suspension's reason unreadable.
    await eventually('enrolment purges what it derived', async () => {
      const [row] = await enrolments.dataSource.query(`SELECT identity_encrypted, patient_erased_at FROM enrolments WHERE id = $1`, [enrolmentId]);
      return row.patient_erased_at !== null && row.identity_encrypted === null ? true : undefined;
    });
    // Claims too: the identity's ciphertext forgotten in its facts and in the claim, the notes unreadable.
    await eventually('claims purges what it derived', async () => {
      const [facts] = await claims.dataSource.query(`SELECT identity_encrypted FROM enrolment_facts WHERE enrolment_id = $1`, [enrolmentId]);
      const [row] = await claims.dataSource.query(`SELECT identity_encrypted FROM claims WHERE id = $1`, [claimId]);
      return facts.identity_encrypted === null && row.identity_encrypted === null ? true : undefined;
    });
    const erasedClaim = await http().get(`/v1/claims/${claimId}`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
    expect(erasedClaim.body.contest.note).toBe(ERASED);
    expect(afterExport.body.claims[0]).toMatchObject({ id: claimId, contest: { note: ERASED } });
    const erasedHistory = await http().get(`/v1/enrolments/${enrolmentId}/history`).set('Authorization', prescriptionTokens.cardiologist).expect(200);
    expect(erasedHistory.body.items.find((item: { type: string }) => item.type === 'EnrolmentSuspended').data.reason).toBe(ERASED);
    for (const secret of secrets) expect({ secret, logs: logs.filter((line) => line.includes(secret)) }).toEqual({ secret, logs: [] });
  });
});
