import type { SubjectRef } from '@app/contracts';
import { testSigners } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { AuditStream, draft, publish } from '../../testing/audit-stream.fixture';
import { bearer, startAuditLedger, TEST_WRITERS, tokens, waitFor, type AuditLedgerTestApp } from '../../testing/audit-ledger.test-app';

const patientToken = (nir: string) => bearer({ role: 'patient', nir });
const pseudonymOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).pseudonym;

describe("the ledger's part of a patient's export: GET /internal/patient-export (real Postgres and Kafka)", () => {
  let t: AuditLedgerTestApp;
  const http = () => request(t.app.getHttpServer());
  const alice = patientToken('184037512345690');
  const bob = patientToken('284037512345739');
  const [aliceRef, bobRef] = [alice, bob].map((token) => `patient:${pseudonymOf(token)}` as SubjectRef);
  const physician = { id: 'prescriber-user', role: 'physician' as const };
  const admin = { id: 'admin-user', role: 'admin' as const };

  beforeAll(async () => {
    t = await startAuditLedger({ signers: testSigners([...TEST_WRITERS, 'patients']) });
    const forAlice = new AuditStream('prescription', 'Prescription');
    const forBob = new AuditStream('prescription', 'Prescription');
    const erasure = new AuditStream('patients', 'patient');
    const prescriptionOf = (stream: AuditStream): SubjectRef => `prescription:${stream.id}`;
    forAlice.record(draft(physician, 'prescription.issued', prescriptionOf(forAlice), [`device:${uuidv7()}`, aliceRef], 'ISSUED'));
    forBob.record(draft(physician, 'prescription.issued', prescriptionOf(forBob), [bobRef], 'ISSUED'));
    forAlice.record(draft(physician, 'prescription.cancelled', prescriptionOf(forAlice), [aliceRef], 'CANCELLED'));
    erasure.record(draft(admin, 'patient.erased', aliceRef, [], 'ERASED', { legalBasis: 'ERASURE_REQUEST' }));
    for (const stream of [forAlice, forBob, erasure]) await publish(t.topic, stream.id, stream.sealed.map((sealed) => stream.envelope(sealed)));
    await waitFor(async () => {
      const head = await http().get('/v1/ledger/tree-head').set('Authorization', tokens.auditor);
      return head.body.treeSize >= 4;
    }, 'four entries appended');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives a patient every entry naming them, as subject or related subject, in ledger order, as the ledger serves entries", async () => {
    const res = await http().get('/internal/patient-export').set('Authorization', alice).expect(200);
    expect(Object.keys(res.body)).toEqual(['ledgerEntries']);
    expect(res.body.ledgerEntries.map((e: { entry: { action: string } }) => e.entry.action)).toEqual(
      expect.arrayContaining(['prescription.issued', 'prescription.cancelled', 'patient.erased']),
    );
    expect(res.body.ledgerEntries).toHaveLength(3);
    const indexes = res.body.ledgerEntries.map((e: { index: number }) => e.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    for (const served of res.body.ledgerEntries) {
      expect(served).toEqual({ index: expect.any(Number), entry: expect.any(Object), leafHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect([served.entry.subject, ...served.entry.relatedSubjects]).toContain(aliceRef);
    }
    // The same entries, the same bytes, as an auditor reads them by subject.
    const audited = await http().get(`/v1/ledger/entries?subject=${aliceRef}`).set('Authorization', tokens.auditor).expect(200);
    expect(audited.body.items).toEqual(res.body.ledgerEntries);
  });

  it('gives another patient only their own, and one with no entry an empty list', async () => {
    const mine = await http().get('/internal/patient-export').set('Authorization', bob).expect(200);
    expect(mine.body.ledgerEntries.map((e: { entry: { relatedSubjects: string[] } }) => e.entry.relatedSubjects)).toEqual([[bobRef]]);
    const nobody = await http().get('/internal/patient-export').set('Authorization', patientToken('185037512345641')).expect(200);
    expect(nobody.body).toEqual({ ledgerEntries: [] });
  });

  it('is for the patient alone: 401 without a token, 403 for any other role', async () => {
    expect((await http().get('/internal/patient-export')).status).toBe(401);
    for (const token of [tokens.auditor, tokens.prescriber, bearer({ role: 'admin' })]) {
      expect((await http().get('/internal/patient-export').set('Authorization', token)).status).toBe(403);
    }
  });
});
