import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { eventually, testSigners, type ServiceTestApp } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { startAuditLedger } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { productBody, startDeviceCertification, tokens as deviceTokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens as prescriptionTokens } from '../apps/prescription/src/testing/prescription.test-app';
import { gatewayOver } from './support/gateway-over';

jest.setTimeout(120_000);

/** Runs the offline verifier as an operator would: its exit code and output. */
function verifyCli(args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync('npm', ['run', '--silent', 'verify-dossier', '--', ...args], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

const NOTES = `Rapport d'évaluation clinique CER-12 relu (${uuidv7()})`;
const REASON = `Surchauffe de batterie signalée, lot 42 (${uuidv7()})`;

/**
 * A free text from the evaluator to the prescriber's dossier: sealed by
 * device-certification, committed in the ledger, disclosed by the gateway's
 * composition, and checked offline against its commitment.
 */
describe('the dossier discloses the texts its entries commit to (gateway, three services, Kafka)', () => {
  let devices: ServiceTestApp;
  let prescriptions: ServiceTestApp;
  let ledger: ServiceTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());

  beforeAll(async () => {
    [devices, prescriptions, ledger] = await Promise.all([
      startDeviceCertification(),
      startPrescription(),
      startAuditLedger({ topic: TOPICS.auditEntries }),
    ]);
    gateway = await gatewayOver({ 'device-certification': devices.app, prescription: prescriptions.app, 'audit-ledger': ledger.app });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([devices?.close(), prescriptions?.close(), ledger?.close()]);
  });

  it('gives the prescriber and an auditor the notes and the suspension reason, which verify offline', async () => {
    const deviceId = (await http().post('/v1/devices').set('Authorization', deviceTokens.vendorA).send(productBody()).expect(201)).body.id as string;
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', deviceTokens.vendorA).expect(200);
    const validUntil = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString();
    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', deviceTokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], notes: NOTES })
      .expect(200);
    const body = prescriptionBody(deviceId);
    const id = await eventually('the certification in prescription', async () => {
      const issued = await http().post('/v1/prescriptions').set('Authorization', prescriptionTokens.cardiologist).send(body);
      return issued.status === 201 ? (issued.body.id as string) : undefined;
    });
    await http().post(`/v1/devices/${deviceId}/suspension`).set('Authorization', deviceTokens.evaluator).send({ reason: REASON }).expect(200);

    const dossierOf = (token: string) =>
      eventually('the suspension in the dossier', async () => {
        const answer = await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', token);
        const dossier = answer.body as LiabilityDossier;
        return answer.status === 200 && dossier.entries.some((e) => e.entry.decision === 'SUSPENDED') ? dossier : undefined;
      });
    const dossier = await dossierOf(prescriptionTokens.cardiologist);
    const indexOf = (decision: string) => dossier.entries.find((e) => e.entry.decision === decision)!.index;
    expect(dossier.disclosures).toEqual([
      { index: indexOf('CERTIFIED'), path: '/evidence/events/0/data/notes', text: NOTES, salt: expect.stringMatching(/^[0-9a-f]{32}$/) },
      { index: indexOf('SUSPENDED'), path: '/evidence/events/0/data/reason', text: REASON, salt: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    // The ledger itself holds the commitments only.
    const { disclosures: _texts, ...asTheLedgerServesIt } = dossier;
    expect(JSON.stringify(asTheLedgerServesIt)).not.toMatch(/Surchauffe|CER-12/);
    expect((await dossierOf(prescriptionTokens.auditor)).disclosures).toEqual(dossier.disclosures);

    const { body: key } = await http().get('/v1/ledger/public-key').set('Authorization', prescriptionTokens.auditor).expect(200);
    const signers = testSigners(['device-certification', 'prescription']);
    expect(verifyDossier(dossier, key.publicKeyPem, { signers })).toMatchObject({ ok: true, texts: { checked: 2, unchecked: 0, undisclosed: 0 } });

    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-'));
    const file = (name: string, content: unknown) => {
      const at = path.join(dir, name);
      writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
      return at;
    };
    const args = ['--public-key', file('key.pem', key.publicKeyPem), '--signers', file('signers.json', { items: signers })];
    const good = verifyCli([file('dossier.json', dossier), ...args]);
    expect(good).toMatchObject({ status: 0 });
    expect(good.stdout).toContain('Texts: 2 checked against their commitments, 0 unchecked (erased with their patient)');
    const changed = { ...dossier, disclosures: dossier.disclosures!.map((d) => (d.text === REASON ? { ...d, text: REASON.replace('lot 42', 'lot 43') } : d)) };
    const bad = verifyCli([file('changed.json', changed), ...args]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`FAILED at entry index ${indexOf('SUSPENDED')}`);
    expect(bad.stdout).toContain("path /evidence/events/0/data/reason: the text and salt do not match the entry's commitment");

    await http().get(`/v1/liability/prescriptions/${id}`).set('Authorization', deviceTokens.evaluator).expect(403);
  });
});
