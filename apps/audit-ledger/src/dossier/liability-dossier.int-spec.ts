import { verifyDossier, type LiabilityDossier, type SignedTreeHead } from '@app/audit';
import type { SubjectRef } from '@app/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { AuditStream, draft, publish, serviceSigner } from '../testing/audit-stream.fixture';
import { bearer, startAuditLedger, tokens, waitFor, type AuditLedgerTestApp } from '../testing/audit-ledger.test-app';

jest.setTimeout(120_000);

const vendor = { id: 'vendor-user', role: 'vendor' as const };
const evaluator = { id: 'evaluator-user', role: 'evaluator' as const };
const prescriber = { id: 'prescriber-user', role: 'physician' as const };
// The renewal is another physician's (a specialty allowed to renew): its tokens' `sub`.
const renewer = { id: 'other-physician', role: 'physician' as const };

/** Runs the offline verifier as an operator would; returns its exit code and output. */
function verifyCli(args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync('npm', ['run', '--silent', 'verify-dossier', '--', ...args], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('the dossier of a renewed prescription (real ledger, Postgres and Kafka)', () => {
  let t: AuditLedgerTestApp;
  let dossier: LiabilityDossier;
  let dir: string;
  let keyFile: string;
  const http = () => request(t.app.getHttpServer());
  const base = Date.now() - 60_000;
  const at = (seconds: number) => new Date(base + seconds * 1_000);
  const device: SubjectRef = `device:${uuidv7()}`;
  const first: SubjectRef = `prescription:${uuidv7()}`;
  const renewal: SubjectRef = `prescription:${uuidv7()}`;
  const attempt: SubjectRef = `attempt:${uuidv7()}`;
  const other: SubjectRef = `prescription:${uuidv7()}`;
  const idOf = (ref: SubjectRef) => ref.split(':')[1];
  const certification = serviceSigner('device-certification');
  const prescription = serviceSigner('prescription');
  const signers = { items: [certification.signer, prescription.signer] };
  const streams = {
    device: new AuditStream('device-certification', 'DeviceProduct', certification.key),
    first: new AuditStream('prescription', 'Prescription', prescription.key),
    attempt: new AuditStream('prescription', 'attempt', prescription.key),
    renewal: new AuditStream('prescription', 'Prescription', prescription.key),
    other: new AuditStream('prescription', 'Prescription', prescription.key),
  };
  let signersFile: string;
  beforeAll(async () => {
    t = await startAuditLedger({ signers: signers.items });
    streams.device.record(draft(vendor, 'device.registered', device, [], 'REGISTERED'), at(1));
    streams.device.record(draft(vendor, 'device.submitted', device, [], 'SUBMITTED'), at(2));
    streams.device.record(draft(evaluator, 'device.certified', device, [], 'CERTIFIED'), at(3));
    for (const [stream, subject, related, second] of [
      [streams.first, first, [device], 4],
      [streams.other, other, [device], 5],
    ] as const) {
      stream.record(draft(prescriber, 'prescription.issued', subject, [...related], 'ISSUED', { prescriberRpps: '10003456789' }), at(second));
    }
    streams.attempt.record(draft(prescriber, 'prescription.refused', attempt, [device, first], 'REFUSED'), at(6));
    streams.renewal.record(draft(renewer, 'prescription.issued', renewal, [device, first], 'ISSUED', { renewalOf: idOf(first) }), at(7));
    streams.renewal.record(draft(renewer, 'prescription.cancelled', renewal, [device, first], 'CANCELLED'), at(8));
    streams.other.record(draft(prescriber, 'prescription.cancelled', other, [device], 'CANCELLED'), at(9));
    streams.device.record(draft(evaluator, 'device.suspended', device, [], 'SUSPENDED'), at(10));
    for (const stream of Object.values(streams)) await publish(t.topic, stream.id, stream.sealed.map((s) => stream.envelope(s)));
    const total = Object.values(streams).reduce((n, s) => n + s.sealed.length, 0);
    await waitFor(async () => {
      const head: SignedTreeHead = (await http().get('/v1/ledger/tree-head').set('Authorization', tokens.auditor).expect(200)).body;
      return head.treeSize >= total || undefined;
    }, `tree size ${total}`);
    dossier = (await http().get(`/v1/liability/prescriptions/${idOf(first)}`).set('Authorization', tokens.prescriber).expect(200)).body;
    dir = mkdtempSync(path.join(tmpdir(), 'dossier-'));
    keyFile = path.join(dir, 'key.pem');
    writeFileSync(keyFile, dossier.publicKey.publicKeyPem);
    signersFile = path.join(dir, 'signers.json');
    writeFileSync(signersFile, JSON.stringify(signers));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('covers both prescriptions, the attempt and the device, each stream whole from its genesis, and nothing of another prescription', () => {
    const served = dossier.streams.map((s) => [s.subject, s.entries.map((e) => e.entry.id), s.findings]);
    const whole = (stream: AuditStream, subject: SubjectRef) => [subject, stream.sealed.map((s) => s.entry.id), []];
    expect(served).toHaveLength(4);
    expect(served).toEqual(
      expect.arrayContaining([
        whole(streams.device, device),
        whole(streams.first, first),
        whole(streams.attempt, attempt),
        whole(streams.renewal, renewal),
      ]),
    );
    expect(dossier.entries.map((e) => e.entry.action)).toEqual([
      'device.registered',
      'device.submitted',
      'device.certified',
      'prescription.issued',
      'prescription.refused',
      'prescription.issued',
      'prescription.cancelled',
      'device.suspended',
    ]);
    expect(dossier.entries.some((e) => e.entry.subject === other)).toBe(false);
  });

  it('verifies offline, and so does the dossier of the renewal, which holds the first prescription', async () => {
    expect(verifyDossier(dossier, dossier.publicKey.publicKeyPem, { signers: signers.items })).toMatchObject({ ok: true, entriesChecked: 8, streamsChecked: 4 });
    const ofRenewal: LiabilityDossier = (await http().get(`/v1/liability/prescriptions/${idOf(renewal)}`).set('Authorization', tokens.auditor).expect(200)).body;
    expect(ofRenewal.streams.map((s) => s.subject).sort()).toEqual([attempt, device, first, renewal].sort());
    expect(verifyDossier(ofRenewal, dossier.publicKey.publicKeyPem, { signers: signers.items }).failures).toEqual([]);
    const file = path.join(dir, 'dossier.json');
    writeFileSync(file, JSON.stringify(dossier));
    const { status, stdout } = verifyCli([file, '--public-key', keyFile, '--signers', signersFile]);
    expect(status).toBe(0);
    expect(stdout).toContain(`Seals checked against the signers of ${signersFile}; keys trusted:`);
    expect(stdout).toContain(`- device-certification ${certification.signer.keyId} (4 entries)`);
    expect(stdout).toContain(`- prescription ${prescription.signer.keyId} (4 entries)`);
    expect(stdout).toContain('OK: 8 entries in 4 streams');
  });

  it("fails offline, naming it, when another prescription's entry is spliced in with its real proof", async () => {
    const spliced = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
    const [foreign] = (await http().get(`/v1/ledger/entries?subject=${other}`).set('Authorization', tokens.auditor).expect(200)).body.items;
    const proof = (await http().get(`/v1/ledger/entries/${foreign.index}/inclusion-proof?treeSize=${dossier.treeHead.treeSize}`).set('Authorization', tokens.auditor).expect(200)).body;
    spliced.entries.push({ index: foreign.index, entry: foreign.entry, leafHash: foreign.leafHash, party: 'physician', proof: { leafIndex: foreign.index, treeSize: proof.treeSize, path: proof.path } });
    spliced.streams.push({ subject: other, entries: [foreign], headHash: '', findings: [] });
    const file = path.join(dir, 'spliced.json');
    writeFileSync(file, JSON.stringify(spliced));
    const { status, stdout } = verifyCli([file, '--public-key', keyFile, '--signers', signersFile]);
    expect(status).toBe(1);
    expect(stdout).toContain(`FAILED at entry index ${foreign.index} (id ${foreign.entry.id})`);
  });

  it('fails offline, naming it, an entry sealed by a key that is not in --signers', () => {
    const file = path.join(dir, 'dossier.json');
    const otherKeys = path.join(dir, 'other-signers.json');
    writeFileSync(otherKeys, JSON.stringify({ items: [certification.signer, serviceSigner('prescription').signer] }));
    const { status, stdout } = verifyCli([file, '--public-key', keyFile, '--signers', otherKeys]);
    const firstOfPrescription = dossier.entries.find((e) => e.entry.service === 'prescription')!;
    expect(status).toBe(1);
    expect(stdout).toContain(`FAILED at entry index ${firstOfPrescription.index} (id ${firstOfPrescription.entry.id}): entries[3]`);
    expect(stdout).toContain(`seal: SIGNER_UNKNOWN: no signer of service "prescription" has key ${prescription.signer.keyId}`);
    // Bad usage is 2, never a verdict: a signers file that is not JSON, no key, no dossier.
    expect(verifyCli([file, '--public-key', keyFile, '--signers', keyFile]).status).toBe(2);
    expect(verifyCli([file]).status).toBe(2);
    expect(verifyCli(['--public-key', keyFile]).status).toBe(2);
  });

  it("is for auditors and the prescribers of its renewal chain: the renewer reads the renewed one's dossier, no one else", async () => {
    const url = `/v1/liability/prescriptions/${idOf(first)}`;
    const ofRenewer: LiabilityDossier = (await http().get(url).set('Authorization', tokens.otherPhysician).expect(200)).body;
    expect(ofRenewer.streams.map((s) => s.subject).sort()).toEqual(dossier.streams.map((s) => s.subject).sort());
    await http().get(`/v1/liability/prescriptions/${idOf(renewal)}`).set('Authorization', tokens.prescriber).expect(200);
    const stranger = bearer({ role: 'physician', sub: 'stranger', rpps: '10001111111', specialty: 'cardiology' });
    await http().get(url).set('Authorization', stranger).expect(403);
    await http().get(url).set('Authorization', tokens.operator).expect(403);
    await http().get(`/v1/liability/prescriptions/${idOf(other)}`).set('Authorization', tokens.otherPhysician).expect(403);
    await http().get(`/v1/liability/prescriptions/${uuidv7()}`).set('Authorization', stranger).expect(403);
    await http().get(`/v1/liability/prescriptions/${uuidv7()}`).set('Authorization', tokens.auditor).expect(404);
  });
});
