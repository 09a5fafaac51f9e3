import { signDevToken } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { testSigners } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startAuditLedger, TEST_WRITERS, waitFor, type AuditLedgerTestApp } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { startPatients, type PatientsTestApp } from '../apps/patients/src/testing/patients.test-app';
import { issueTestKeys, liveTestKeys } from '../apps/patients/src/testing/patient-keys.fixture';
import { randomNir } from '../apps/prescription/src/testing/prescription-request.fixture';
import { gatewayOver } from './support/gateway-over';

jest.setTimeout(180_000);

const NIR = randomNir();
const patient = `Bearer ${signDevToken({ role: 'patient', nir: NIR, sub: 'patient-e2e' })}`;
const admin = `Bearer ${signDevToken({ role: 'admin', sub: 'admin-e2e' })}`;
const auditor = `Bearer ${signDevToken({ role: 'auditor' })}`;
const pseudonym: string = JSON.parse(Buffer.from(patient.split('.')[1], 'base64url').toString()).pseudonym;

/**
 * An erasure through the gateway, audited on patient:<pseudonym> and appended
 * by the real ledger from audit.entries.v1; then the patient's export through
 * the gateway, composed from the real ledger's part (the services of
 * services.json that declare a part and run here).
 */
describe('a patient erased, then exporting what the platform holds (gateway, patients, audit-ledger)', () => {
  let patients: PatientsTestApp;
  let ledger: AuditLedgerTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());


  beforeAll(async () => {
    [patients, ledger] = await Promise.all([
      startPatients(),
      startAuditLedger({ topic: TOPICS.auditEntries, signers: testSigners([...TEST_WRITERS, 'patients']) }),
    ]);
    gateway = await gatewayOver({ patients: patients.app, 'audit-ledger': ledger.app });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([patients?.close(), ledger?.close()]);
  });

  it('erases through the gateway (admin only), and the ledger appends the entry on patient:<pseudonym>', async () => {
    await issueTestKeys(patients.patientKeys, pseudonym);
    const body = { legalBasis: 'ERASURE_REQUEST', note: 'lettre recommandée de la patiente' };
    expect((await http().post(`/v1/patients/${pseudonym}/erasure`).send(body)).status).toBe(401);
    expect((await http().post(`/v1/patients/${pseudonym}/erasure`).set('Authorization', patient).send(body)).status).toBe(403);
    const erased = await http().post(`/v1/patients/${pseudonym}/erasure`).set('Authorization', admin).send(body).expect(202);
    expect(erased.body).toMatchObject({ pseudonym, status: 'ERASED', version: 1, generationsDestroyed: 1 });
    expect(await liveTestKeys(patients.patientKeys, pseudonym)).toBe(0);
    expect((await http().post(`/v1/patients/${pseudonym}/erasure`).set('Authorization', admin).send(body)).status).toBe(409);

    const entries = await waitFor(async () => {
      const res = await http().get(`/v1/ledger/entries?subject=patient:${pseudonym}`).set('Authorization', auditor).expect(200);
      return res.body.items.some((item: { entry: { action: string } }) => item.entry.action === 'patient.erased') && res.body.items;
    }, 'the erasure in the ledger', 60_000);
    const entry = entries.find((item: { entry: { action: string } }) => item.entry.action === 'patient.erased').entry;
    expect(entry).toMatchObject({
      service: 'patients',
      subject: `patient:${pseudonym}`,
      evidence: { legalBasis: 'ERASURE_REQUEST', note: { commitment: erased.body.note.commitment }, generationsDestroyed: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain('lettre');
  });

  it("gives the patient their export, composed from each declaring service's part", async () => {
    expect((await http().get('/v1/patients/me/export').set('Authorization', admin)).status).toBe(403);
    const exported = await http().get('/v1/patients/me/export').set('Authorization', patient).expect(200);
    expect(exported.body).toMatchObject({ pseudonym, identity: null, prescriptions: [], enrolments: [], claims: [] });
    expect(exported.body.ledgerEntries.map((e: { entry: { action: string } }) => e.entry.action)).toContain('patient.erased');
    for (const served of exported.body.ledgerEntries) {
      expect([served.entry.subject, ...served.entry.relatedSubjects]).toContain(`patient:${pseudonym}`);
    }
  });

  it('refuses the export with a 503 naming the ledger once it is down', async () => {
    await ledger.app.close();
    const res = await http().get('/v1/patients/me/export').set('Authorization', patient);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE', details: [expect.objectContaining({ service: 'audit-ledger' })] });
  });
});
