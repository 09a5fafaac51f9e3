import {
  canonicalJson,
  fromHex,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  toHex,
  verifyConsistency,
  verifyDossier,
  verifyInclusion,
  verifyTreeHead,
  type LiabilityDossier,
  type SignedTreeHead,
} from '@app/audit';
import { TOPICS, type SubjectRef } from '@app/contracts';
import { collectMessages, collectorGroupAtEnd, testSigners } from '@app/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { AuditStream, draft, publish, serviceSigner } from './testing/audit-stream.fixture';
import { startAuditLedger, TEST_WRITERS, tokens, waitFor, type AuditLedgerTestApp } from './testing/audit-ledger.test-app';
import { arrayQueryOf } from './verification/array-query';
import { verifyLedger } from './verification/ledger-verifier';

jest.setTimeout(120_000);

const vendor = { id: 'vendor-user', role: 'vendor' as const };
const evaluator = { id: 'evaluator-user', role: 'evaluator' as const };
const prescriber = { id: 'prescriber-user', role: 'physician' as const };
const operator = { id: 'operator-user', role: 'operator' as const };
const system = { id: 'billing', role: 'system' as const };
const processor = { id: 'processor-user', role: 'claims_processor' as const };

describe('audit ledger (real Postgres and Kafka)', () => {
  let t: AuditLedgerTestApp;
  const http = () => request(t.app.getHttpServer());
  const head = async (): Promise<SignedTreeHead> => (await http().get('/v1/ledger/tree-head').set('Authorization', tokens.auditor).expect(200)).body;
  const waitForSize = (size: number) => waitFor(async () => ((await head()).treeSize >= size ? head() : undefined), `tree size ${size}`);
  const publicKeyPem = async (): Promise<string> =>
    (await http().get('/v1/ledger/public-key').set('Authorization', tokens.auditor).expect(200)).body.publicKeyPem;

  const deviceId = uuidv7();
  const prescriptionId = uuidv7();
  const enrolmentId = uuidv7();
  const claimId = uuidv7();
  const device: SubjectRef = `device:${deviceId}`;
  const prescription: SubjectRef = `prescription:${prescriptionId}`;
  const base = Date.now() - 60_000;
  const at = (seconds: number) => new Date(base + seconds * 1_000);
  const keys = Object.fromEntries(['device-certification', 'prescription', 'enrolment', 'claims'].map((service) => [service, serviceSigner(service)]));
  const signers = Object.values(keys).map((k) => k.signer);
  const sealed = (service: string, type: string) => new AuditStream(service, type, keys[service].key);
  const streams = {
    device: sealed('device-certification', 'DeviceProduct'),
    prescription: sealed('prescription', 'Prescription'),
    enrolment: sealed('enrolment', 'Enrolment'),
    claim: sealed('claims', 'Claim'),
    otherDevice: sealed('device-certification', 'DeviceProduct'),
  };

  beforeAll(async () => {
    // The dossier's streams seal with keys of their own; the other tests' streams with the services' test keys.
    t = await startAuditLedger({ signers: [...signers, ...testSigners(TEST_WRITERS)] });
    const d = streams.device;
    d.record(draft(vendor, 'device.registered', device, [], 'REGISTERED'), at(1));
    d.record(draft(vendor, 'device.submitted', device, [], 'SUBMITTED'), at(2));
    d.record({ ...draft(evaluator, 'device.certified', device, [], 'CERTIFIED', { validUntil: '2027-12-31' }), rulesVersion: 'device-certification/2026.1' }, at(3));
    const p = streams.prescription;
    p.record(
      {
        ...draft(prescriber, 'prescription.issued', prescription, [device], 'ISSUED', {
          prescriberRpps: '10003456789',
          evaluation: { results: [{ ruleId: 'HOME_COVERAGE', outcome: 'WARN' }] },
          overrides: [{ ruleId: 'HOME_COVERAGE', justification: 'patient moves to a covered flat next week' }],
        }),
        rulesVersion: '2026.1',
      },
      at(4),
    );
    const e = streams.enrolment;
    const enrolment: SubjectRef = `enrolment:${enrolmentId}`;
    e.record(draft(system, 'enrolment.created', enrolment, [prescription, device], 'PENDING_CONSENT'), at(5));
    e.record(draft(operator, 'enrolment.consent_recorded', enrolment, [prescription, device], 'CONSENTED', { method: 'PAPER' }), at(6));
    e.record(draft(operator, 'enrolment.activated', enrolment, [prescription, device], 'ACTIVE'), at(7));
    e.record(draft(operator, 'enrolment.connectivity_incident_opened', enrolment, [prescription, device], 'OPENED', { cause: 'NETWORK_COVERAGE' }), at(8));
    const c = streams.claim;
    c.record(draft(system, 'claim.created', `claim:${claimId}`, [prescription, device], 'CREATED'), at(9));
    c.record(draft(processor, 'claim.adjudicated', `claim:${claimId}`, [prescription, device], 'APPROVED'), at(10));
    streams.otherDevice.record(draft(vendor, 'device.registered', `device:${uuidv7()}`, [], 'REGISTERED'), at(11));
    for (const stream of Object.values(streams)) {
      const envelopes = stream.sealed.map((s) => stream.envelope(s));
      // Every envelope twice: the ledger must record each entry once.
      await publish(t.topic, stream.id, [...envelopes, ...envelopes]);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const total = () => Object.values(streams).reduce((n, s) => n + s.sealed.length, 0);

  it('records every entry once, in a tree whose signed root is the RFC 9162 root of their leaves', async () => {
    const signed = await waitForSize(total());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await head()).treeSize).toBe(total());
    expect(verifyTreeHead(await publicKeyPem(), signed)).toBe(true);
    const rows: Array<{ entry_jcs: string }> = await t.dataSource.query(`SELECT entry_jcs FROM ledger_entries ORDER BY index`);
    const leaves = rows.map((row) => leafHash(Buffer.from(row.entry_jcs, 'utf8')));
    expect(toHex(rootFromLeafHashes(leaves))).toBe(signed.rootHash);
    const ids = rows.map((row) => JSON.parse(row.entry_jcs).id).sort();
    expect(ids).toEqual(Object.values(streams).flatMap((s) => s.sealed.map((x) => x.entry.id)).sort());
    const heads = await http().get('/v1/ledger/tree-heads?page=1').set('Authorization', tokens.auditor).expect(200);
    expect(heads.body.items[0]).toEqual(signed);
    expect(heads.body.total).toBeGreaterThanOrEqual(2);
  });

  it('serves inclusion proofs that verify, and fail for another entry or tree size', async () => {
    const signed = await head();
    const root = fromHex(signed.rootHash);
    for (let index = 0; index < signed.treeSize; index += 1) {
      const proof = (await http().get(`/v1/ledger/entries/${index}/inclusion-proof`).set('Authorization', tokens.auditor).expect(200)).body;
      expect(proof).toMatchObject({ leafIndex: index, treeSize: signed.treeSize });
      const path = proof.path.map(fromHex);
      expect(verifyInclusion(fromHex(proof.leafHash), index, signed.treeSize, path, root)).toBe(true);
      expect(verifyInclusion(fromHex(proof.leafHash), (index + 1) % signed.treeSize, signed.treeSize, path, root)).toBe(false);
      if (index + 1 < signed.treeSize) {
        // A proof for a smaller tree does not prove the entry in the signed one.
        const smaller = (await http().get(`/v1/ledger/entries/${index}/inclusion-proof?treeSize=${index + 1}`).set('Authorization', tokens.auditor).expect(200)).body;
        expect(smaller.treeSize).toBe(index + 1);
        expect(verifyInclusion(fromHex(smaller.leafHash), index, signed.treeSize, smaller.path.map(fromHex), root)).toBe(false);
        expect(verifyInclusion(fromHex(smaller.leafHash), index, index + 1, smaller.path.map(fromHex), root)).toBe(false);
      }
    }
    await http().get(`/v1/ledger/entries/${signed.treeSize}/inclusion-proof`).set('Authorization', tokens.auditor).expect(404);
    await http().get(`/v1/ledger/entries/0/inclusion-proof?treeSize=${signed.treeSize + 1}`).set('Authorization', tokens.auditor).expect(400);
  });

  it('lists the entries of a subject to auditors and to the prescriber only', async () => {
    const list = await http().get(`/v1/ledger/entries?subject=${prescription}`).set('Authorization', tokens.prescriber).expect(200);
    expect(list.body.total).toBe(7);
    // Streams arrive on different partitions: ledger order across streams is arrival order.
    expect(list.body.items).toContainEqual(expect.objectContaining({ entry: streams.prescription.sealed[0].entry }));
    await http().get(`/v1/ledger/entries?subject=${prescription}`).set('Authorization', tokens.auditor).expect(200);
    await http().get(`/v1/ledger/entries?subject=${prescription}`).set('Authorization', tokens.otherPhysician).expect(403);
    await http().get(`/v1/ledger/entries?subject=${prescription}`).set('Authorization', tokens.operator).expect(403);
    await http().get(`/v1/ledger/entries?subject=${device}`).set('Authorization', tokens.prescriber).expect(403);
  });

  describe('liability dossier', () => {
    let dossier: LiabilityDossier;
    let keyFile: string;
    let signersFile: string;
    let dir: string;

    beforeAll(async () => {
      dossier = (await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', tokens.prescriber).expect(200)).body;
      dir = mkdtempSync(path.join(tmpdir(), 'dossier-'));
      keyFile = path.join(dir, 'key.pem');
      writeFileSync(keyFile, await publicKeyPem());
      signersFile = path.join(dir, 'signers.json');
      writeFileSync(signersFile, JSON.stringify({ items: signers }));
    });

    it('gathers the device history, the prescription, enrolment and claim steps in time order, with their parties', () => {
      expect(dossier.entries.map((e) => [e.entry.action, e.party])).toEqual([
        ['device.registered', 'vendor'],
        ['device.submitted', 'vendor'],
        ['device.certified', 'evaluator'],
        ['prescription.issued', 'physician'],
        ['enrolment.created', 'system'],
        ['enrolment.consent_recorded', 'patient'],
        ['enrolment.activated', 'operator'],
        // NETWORK_COVERAGE after the prescriber overrode HOME_COVERAGE: the prescriber's (DOMAIN.md).
        ['enrolment.connectivity_incident_opened', 'physician'],
        ['claim.created', 'system'],
        ['claim.adjudicated', 'claims_processor'],
      ]);
      expect(dossier.summary.map((s) => s.party)).toEqual(dossier.entries.map((e) => e.party));
      expect(dossier.summary[2]).toMatchObject({ step: 'device.certified', actor: evaluator, at: at(3).toISOString() });
    });

    it('proves every entry against one signed tree head, which the offline verifier accepts', () => {
      expect(dossier.entries.every((e) => e.proof.treeSize === dossier.treeHead.treeSize)).toBe(true);
      expect(verifyDossier(dossier, dossier.publicKey.publicKeyPem, { signers })).toMatchObject({ ok: true, failures: [], entriesChecked: 10, streamsChecked: 4 });
      const file = path.join(dir, 'dossier.json');
      writeFileSync(file, JSON.stringify(dossier));
      const out = execFileSync('npm', ['run', '--silent', 'verify-dossier', '--', file, '--public-key', keyFile, '--signers', signersFile], { encoding: 'utf8' });
      expect(out).toContain('OK: 10 entries');
    });

    it('fails the offline verifier when any entry is altered, naming it', () => {
      const altered = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
      altered.entries[7].entry.evidence = { cause: 'PATIENT' };
      const file = path.join(dir, 'altered.json');
      writeFileSync(file, JSON.stringify(altered));
      let failure: { status?: number; stdout?: string } = {};
      try {
        execFileSync('npm', ['run', '--silent', 'verify-dossier', '--', file, '--public-key', keyFile, '--signers', signersFile], { encoding: 'utf8' });
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure.status).toBe(1);
      expect(failure.stdout).toContain(`entries[7] (index ${altered.entries[7].index}, id ${altered.entries[7].entry.id}): the entry does not hash to its leafHash`);
      for (const i of [0, 3, 9]) {
        const copy = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
        copy.entries[i].entry.decision = 'SOMETHING_ELSE';
        expect(verifyDossier(copy, dossier.publicKey.publicKeyPem, { signers }).failures[0]).toContain(`entries[${i}]`);
      }
      const party = JSON.parse(JSON.stringify(dossier)) as LiabilityDossier;
      party.entries[7].party = 'operator';
      expect(verifyDossier(party, dossier.publicKey.publicKeyPem, { signers }).ok).toBe(false);
    });

    it('is for auditors and the prescriber only', async () => {
      await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', tokens.auditor).expect(200);
      await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', tokens.otherPhysician).expect(403);
      await http().get(`/v1/liability/prescriptions/${prescriptionId}`).set('Authorization', tokens.operator).expect(403);
      await http().get(`/v1/liability/prescriptions/${uuidv7()}`).set('Authorization', tokens.auditor).expect(404);
    });
  });

  it('quarantines an entry whose chain is broken, alerts, and appends the next entry that continues the chain', async () => {
    const stream = new AuditStream('prescription', 'Prescription');
    const subject: SubjectRef = `prescription:${uuidv7()}`;
    const first = stream.record(draft(prescriber, 'prescription.issued', subject));
    const second = stream.record(draft(prescriber, 'prescription.cancelled', subject));
    const third = stream.record(draft(prescriber, 'prescription.expired', subject));
    // The second entry comes late: the third does not link to the first; once the second is in, the third is resent.
    const alertsGroup = await collectorGroupAtEnd(TOPICS.auditAlerts);
    const before = (await head()).treeSize;
    await publish(t.topic, stream.id, [stream.envelope(first), stream.envelope(third)]);
    const alerts = await collectMessages(TOPICS.auditAlerts, {
      groupId: alertsGroup,
      until: (messages) => messages.some((m) => (m.value as { data?: { entryId?: string } })?.data?.entryId === third.entry.id),
      timeoutMs: 30_000,
    });
    const alert = alerts.find((m) => (m.value as { data?: { entryId?: string } })?.data?.entryId === third.entry.id)!;
    expect(alert.value).toMatchObject({ type: 'AuditEntryQuarantined', data: { reason: 'PREV_HASH_MISMATCH', streamId: stream.id, service: 'prescription' } });
    const quarantine = (await http().get('/v1/ledger/quarantine').set('Authorization', tokens.auditor).expect(200)).body;
    expect(quarantine.items[0]).toMatchObject({ reason: 'PREV_HASH_MISMATCH', entryId: third.entry.id, topic: t.topic });
    await http().get('/v1/ledger/quarantine').set('Authorization', tokens.prescriber).expect(403);
    expect(await t.dataSource.query(`SELECT 1 FROM ledger_entries WHERE entry_id = $1`, [third.entry.id])).toEqual([]);
    // A resent envelope of the same entry is a new message id: the ledger takes it once its chain continues.
    const resent = { ...stream.envelope(third), id: uuidv7() };
    await publish(t.topic, stream.id, [stream.envelope(second), resent]);
    await waitForSize(before + 3);
    const rows: Array<{ entry_id: string }> = await t.dataSource.query(
      `SELECT entry_id FROM ledger_entries WHERE stream_id = $1 ORDER BY index`,
      [stream.id],
    );
    expect(rows.map((r) => r.entry_id)).toEqual([first.entry.id, second.entry.id, third.entry.id]);
  });

  it('verifies consistency between two tree heads, and not with a rewritten history', async () => {
    const older = await head();
    const stream = new AuditStream('device-certification', 'DeviceProduct');
    const more = [1, 2, 3].map(() => stream.record(draft(vendor, 'device.updated', `device:${uuidv7()}`)));
    await publish(t.topic, stream.id, more.map((s) => stream.envelope(s)));
    const newer = await waitForSize(older.treeSize + 3);
    const proof = (await http().get(`/v1/ledger/consistency-proof?from=${older.treeSize}&to=${newer.treeSize}`).set('Authorization', tokens.auditor).expect(200)).body;
    const path = proof.path.map(fromHex);
    expect(verifyConsistency(older.treeSize, newer.treeSize, fromHex(older.rootHash), fromHex(newer.rootHash), path)).toBe(true);

    // Rewrite history: change entry 1 and rebuild every node consistently, as an insider would.
    await rewriteEntry(1);
    const rewritten = (await http().get(`/v1/ledger/consistency-proof?from=${older.treeSize}&to=${newer.treeSize}`).set('Authorization', tokens.auditor).expect(200)).body;
    const leaves = (await t.dataSource.query(`SELECT hash FROM ledger_nodes WHERE level = 0 ORDER BY index`)).map((r: { hash: Buffer }) => r.hash);
    const rewrittenRoot = rootFromLeafHashes(leaves, newer.treeSize);
    expect(verifyConsistency(older.treeSize, newer.treeSize, fromHex(older.rootHash), rewrittenRoot, rewritten.path.map(fromHex))).toBe(false);
  });

  async function rewriteEntry(index: number): Promise<void> {
    const [row] = await t.dataSource.query(`SELECT entry_jcs FROM ledger_entries WHERE index = $1`, [index]);
    const entry = JSON.parse(row.entry_jcs);
    entry.decision = 'REWRITTEN';
    const jcs = JSON.stringify(entry);
    await t.dataSource.query(`UPDATE ledger_entries SET entry_jcs = $2 WHERE index = $1`, [index, jcs]);
    const rows: Array<{ index: string; entry_jcs: string }> = await t.dataSource.query(`SELECT index, entry_jcs FROM ledger_entries ORDER BY index`);
    let level = rows.map((r) => leafHash(Buffer.from(r.entry_jcs, 'utf8')));
    await t.dataSource.query(`DELETE FROM ledger_nodes`);
    for (let l = 0; level.length > 0; l += 1) {
      for (const [i, hash] of level.entries()) await t.dataSource.query(`INSERT INTO ledger_nodes VALUES ($1, $2, $3)`, [l, i, hash]);
      const up: Uint8Array[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) up.push(nodeHash(level[i], level[i + 1]));
      level = up;
    }
  }
});

describe('full ledger verification (real Postgres and Kafka)', () => {
  let t: AuditLedgerTestApp;
  let entryCount = 0;

  beforeAll(async () => {
    t = await startAuditLedger();
    const stream = new AuditStream('claims', 'Claim');
    const sealed = Array.from({ length: 13 }, () => stream.record(draft(processor, 'claim.adjudicated', `claim:${uuidv7()}`)));
    entryCount = sealed.length;
    await publish(t.topic, stream.id, sealed.map((s) => stream.envelope(s)));
    await waitFor(async () => {
      const [{ n }] = await t.dataSource.query(`SELECT max(tree_size)::int AS n FROM tree_heads`);
      return n === entryCount;
    }, 'the entries to be appended');
  });

  afterAll(async () => {
    await t?.close();
  });

  const verify = async () => {
    const pem = t.signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const { createPublicKey } = await import('node:crypto');
    const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    // A chunk of 4 leaves exercises chunk boundaries and the levels above them.
    return verifyLedger(t.dataSource, arrayQueryOf(t.dataSource), publicPem, 2);
  };

  it('passes on an untouched ledger', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, treeSize: entryCount, signatureValid: true, firstBreak: null, mismatches: [] });
  });

  it('names an entry changed by one byte in Postgres', async () => {
    const [row] = await t.dataSource.query(`SELECT entry_id, entry_jcs FROM ledger_entries WHERE index = 6`);
    const tampered = row.entry_jcs.replace('"decision":"OK"', '"decision":"OJ"');
    expect(tampered).not.toBe(row.entry_jcs);
    await t.dataSource.query(`UPDATE ledger_entries SET entry_jcs = $1 WHERE index = 6`, [tampered]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toEqual({ kind: 'entry', index: 6, entryId: row.entry_id, message: expect.stringContaining('entry 6') });
    await t.dataSource.query(`UPDATE ledger_entries SET entry_jcs = $1 WHERE index = 6`, [row.entry_jcs]);
    expect((await verify()).ok).toBe(true);
  });

  it.each([
    [0, 9],
    [1, 2],
    [3, 0],
  ])('names a stored node (level %i, index %i) changed by one byte', async (level, index) => {
    const [row] = await t.dataSource.query(`SELECT hash FROM ledger_nodes WHERE level = $1 AND index = $2`, [level, index]);
    const tampered = Buffer.from(row.hash);
    tampered[5] ^= 0x01;
    await t.dataSource.query(`UPDATE ledger_nodes SET hash = $3 WHERE level = $1 AND index = $2`, [level, index, tampered]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ kind: 'node', level, index });
    await t.dataSource.query(`UPDATE ledger_nodes SET hash = $3 WHERE level = $1 AND index = $2`, [level, index, row.hash]);
  });

  it('names a stored entry or node that was deleted', async () => {
    await t.dataSource.query(`CREATE TABLE saved_entry AS SELECT * FROM ledger_entries WHERE index = 5`);
    await t.dataSource.query(`DELETE FROM ledger_entries WHERE index = 5`);
    let result = await verify();
    expect(result.firstBreak).toMatchObject({ kind: 'entry', index: 5, message: 'entry 5 is missing' });
    await t.dataSource.query(`INSERT INTO ledger_entries SELECT * FROM saved_entry`);
    await t.dataSource.query(`CREATE TABLE saved_node AS SELECT * FROM ledger_nodes WHERE level = 1 AND index = 5`);
    await t.dataSource.query(`DELETE FROM ledger_nodes WHERE level = 1 AND index = 5`);
    result = await verify();
    expect(result.firstBreak).toMatchObject({ kind: 'node', level: 1, index: 5, message: 'node (level 1, index 5) is missing' });
    await t.dataSource.query(`INSERT INTO ledger_nodes SELECT * FROM saved_node`);
    expect((await verify()).ok).toBe(true);
  });

  it('signs a new tree head within a second of an entry being staged', async () => {
    const stream = new AuditStream('claims', 'Claim');
    const sealed = stream.record(draft(processor, 'claim.adjudicated', `claim:${uuidv7()}`));
    const staged = Date.now();
    await t.dataSource.query(`INSERT INTO ledger_pending (entry_id, stream_id, entry_jcs, chain_hash) VALUES ($1, $2, $3, $4)`, [
      sealed.entry.id,
      stream.id,
      canonicalJson(sealed.entry),
      sealed.hash,
    ]);
    await waitFor(async () => {
      const [{ n }] = await t.dataSource.query(`SELECT max(tree_size)::int AS n FROM tree_heads`);
      return n === entryCount + 1;
    }, 'the new tree head', 5_000);
    expect(Date.now() - staged).toBeLessThan(1_000);
    expect((await verify()).ok).toBe(true);
  });
});
