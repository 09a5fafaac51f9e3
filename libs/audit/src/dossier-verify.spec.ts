import type { SubjectRef } from '@app/contracts';
import type { LiabilityDossier } from './dossier';
import { assembleDossier } from './dossier-assemble';
import { TestLedger, testSigner } from './dossier.fixture';
import { verifyDossier } from './dossier-verify';
import { sealEntry } from './seal';
import { ledgerPublicKey } from './tree-head';

const vendor = { id: 'v', role: 'vendor' as const };
const evaluator = { id: 'e', role: 'evaluator' as const };
const physician = { id: 'p', role: 'physician' as const };
const dev = 'device-certification';

/**
 * A device, a prescription P1 of it, a refused attempt to renew P1, its
 * renewal P2 (later cancelled), the device suspended afterwards, and what
 * must stay out: another prescription Q of the same device, another device.
 */
function ledger() {
  const l = new TestLedger();
  const D: SubjectRef = 'device:0000000d-0000-7000-8000-000000000001';
  const E: SubjectRef = 'device:0000000e-0000-7000-8000-000000000002';
  const P1: SubjectRef = 'prescription:00000001-0000-7000-8000-000000000003';
  const P2: SubjectRef = 'prescription:00000002-0000-7000-8000-000000000004';
  const Q: SubjectRef = 'prescription:0000000f-0000-7000-8000-000000000005';
  const A: SubjectRef = 'attempt:0000000a-0000-7000-8000-000000000006';
  l.record(vendor, 'device.registered', D, [], dev);
  l.record(vendor, 'device.registered', E, [], dev);
  l.record(vendor, 'device.submitted', D, [], dev);
  l.record(evaluator, 'device.certified', D, [], dev);
  l.record(physician, 'prescription.issued', P1, [D]);
  l.record(physician, 'prescription.issued', Q, [D]);
  l.record(physician, 'prescription.refused', A, [D, P1]);
  l.record(physician, 'prescription.issued', P2, [D, P1]);
  l.record(physician, 'prescription.cancelled', Q, [D]);
  l.record(physician, 'prescription.cancelled', P2, [D, P1]);
  l.record(evaluator, 'device.suspended', D, [], dev);
  const id = (ref: SubjectRef) => ref.split(':')[1];
  return { l, D, E, P1, P2, Q, A, p1: id(P1), p2: id(P2), q: id(Q) };
}

const verify = (l: TestLedger, d: unknown) => verifyDossier(d, l.publicKey.publicKeyPem);
const indexesOf = (d: LiabilityDossier) => d.entries.map((e) => e.index);

/**
 * What a forger with a consistent toolchain does: rebuild entries, parties,
 * summary, stream heads and findings from the proven entries kept; the
 * coverage they cannot sign, so they keep the ledger's.
 */
function rebuilt(d: LiabilityDossier, keep: (index: number) => boolean, extra: number[] = [], from?: TestLedger): LiabilityDossier {
  const proven = d.entries.filter((e) => keep(e.index)).map((e) => ({ index: e.index, entry: e.entry, leafHash: e.leafHash, path: e.proof.path }));
  const spliced = extra.map((index) => ({ ...from!.provenEntry(index), entry: from!.entries[index] }));
  const forged = assembleDossier(d, [...proven, ...spliced], testSigner('forger').key);
  return JSON.parse(JSON.stringify({ ...forged, coverage: d.coverage }));
}

function expectNamed(l: TestLedger, d: unknown, index: number, failure: string): void {
  const result = verify(l, d);
  expect(result.ok).toBe(false);
  expect(result.failedEntry).toMatchObject({ index, entryId: l.entries[index].id });
  expect(result.failedEntry?.failure).toContain(failure);
  expect(result.failures[0]).toBe(result.failedEntry?.failure);
}

describe('verifyDossier', () => {
  it('accepts the genuine dossier: the prescription, its renewal chain both ways, the attempt and the device, whole', () => {
    const { l, p1, p2, D, P1, P2, A } = ledger();
    for (const id of [p1, p2]) {
      const d = l.dossier(id);
      expect(verifyDossier(d, l.publicKey.publicKeyPem, { signers: l.signers })).toEqual({
        ok: true,
        failures: [],
        entriesChecked: 8,
        streamsChecked: 4,
        seals: {
          source: 'given',
          trusted: [
            { service: dev, keyId: l.signers[0].keyId, entries: 4 },
            { service: 'prescription', keyId: l.signers[1].keyId, entries: 4 },
          ],
        },
      });
      expect(indexesOf(d)).toEqual([0, 2, 3, 4, 6, 7, 9, 10]);
      expect(d.streams.map((s) => [s.subject, s.entries.map((e) => e.index), s.findings])).toEqual([
        [D, [0, 2, 3, 10], []],
        [P1, [4], []],
        [A, [6], []],
        [P2, [7, 9], []],
      ]);
    }
  });

  it('checks every seal against the given signers, else against the ones the dossier brings, and says which', () => {
    const { l, p1, P1 } = ledger();
    const rogue = testSigner('prescription');
    l.record(physician, 'prescription.cancelled', P1, [], 'prescription', rogue.key);
    const d = l.dossier(p1);
    d.signers!.push(rogue.signer);
    const alone = verify(l, d);
    expect(alone.ok).toBe(true);
    expect(alone.seals?.source).toBe('dossier');
    expect(alone.seals?.trusted).toContainEqual({ service: 'prescription', keyId: rogue.signer.keyId, entries: 1 });
    const given = verifyDossier(d, l.publicKey.publicKeyPem, { signers: l.signers });
    expect(given.failedEntry).toMatchObject({ index: 11, entryId: l.entries[11].id });
    expect(given.failedEntry?.failure).toContain(`seal: SIGNER_UNKNOWN: no signer of service "prescription" has key ${rogue.signer.keyId}`);
    const none = verify(l, { ...l.dossier(p1), signers: undefined });
    expect(none.failures[0]).toContain('(no --signers given and the dossier brings none)');
  });

  it('fails an entry re-sealed after the fact, by its leaf hash, naming it', () => {
    const { l, p1 } = ledger();
    const d = l.dossier(p1);
    d.entries[3].entry = sealEntry(d.entries[3].entry, testSigner('prescription').key);
    expectNamed(l, d, 4, 'the entry does not hash to its leafHash');
  });

  it('fails an entry removed from a stream (all else rebuilt to match), naming the next entry of that stream', () => {
    const { l, p1 } = ledger();
    expectNamed(l, rebuilt(l.dossier(p1), (i) => i !== 2), 3, 'the chain breaks: its prevHash is not the hash of the entry before it');
  });

  it("fails a stream's head entry removed, naming it, whether or not the stream's headHash was made to match", () => {
    const { l, p1 } = ledger();
    const d = l.dossier(p1);
    expectNamed(l, rebuilt(d, (i) => i !== 10), 10, 'coverage: the ledger covered device:');
    const kept = rebuilt(d, (i) => i !== 10);
    kept.streams[0].headHash = d.streams[0].headHash;
    expectNamed(l, kept, 3, "the stream's headHash is not the hash of its last entry");
  });

  it('fails a later renewal left out of the dossier of the prescription it renews, naming its head', () => {
    const { l, p1, P2 } = ledger();
    expectNamed(l, rebuilt(l.dossier(p1), (i) => i !== 7 && i !== 9), 9, `coverage: the ledger covered ${P2} up to index 9`);
  });

  it('fails a coverage not signed by the ledger', () => {
    const { l, p1 } = ledger();
    const d = l.dossier(p1);
    d.coverage.streams.pop();
    expect(verify(l, d).failures).toEqual(["coverage: the ledger's signature over the covered streams and their heads does not verify with the given public key"]);
  });

  it('fails a reordered stream, and reordered entries, naming the entry out of place', () => {
    const { l, p1 } = ledger();
    const d = l.dossier(p1);
    [d.streams[0].entries[1], d.streams[0].entries[2]] = [d.streams[0].entries[2], d.streams[0].entries[1]];
    expectNamed(l, d, 2, 'is not after the entry before it in ledger order');
    const e = l.dossier(p1);
    [e.entries[1], e.entries[2]] = [e.entries[2], e.entries[1]];
    expectNamed(l, e, 2, 'is not after entries[1] in time order');
  });

  it("fails an entry of another prescription spliced in with a valid proof from the same tree, naming it", () => {
    const { l, p1 } = ledger();
    expectNamed(l, rebuilt(l.dossier(p1), () => true, [5], l), 5, 'does not belong to the dossier of prescription');
    expectNamed(l, rebuilt(l.dossier(p1), () => true, [1], l), 1, 'does not belong to the dossier of prescription');
  });

  it('fails an entry added to entries but not to its stream, or to a stream but not to entries', () => {
    const { l, p1 } = ledger();
    const d = l.dossier(p1);
    d.streams.splice(1, 1);
    expectNamed(l, d, 4, 'is in no stream of the dossier');
    const e = l.dossier(p1);
    e.streams[0].entries.splice(1, 0, { index: 5, entry: l.entries[5], leafHash: l.provenEntry(5).leafHash });
    expectNamed(l, e, 5, 'is not the entry of that index in entries');
  });

  it("fails a renewed prescription's stream left out, naming the entry that names it", () => {
    const { l, p2, P1 } = ledger();
    const d = rebuilt(l.dossier(p2), (i) => i !== 4);
    expectNamed(l, d, 6, `names ${P1}, whose stream the dossier lacks`);
  });

  it('fails an altered entry, another proof, a re-signed root, an edited party or summary, another key', () => {
    const { l, p1 } = ledger();
    const cases: Array<[(d: LiabilityDossier) => void, string]> = [
      [(d) => (d.entries[3].entry.decision = 'NO'), 'entries[3] (index 4, id '],
      [(d) => (d.entries[0].proof = { ...d.entries[1].proof }), 'entries[0] (index 0, id '],
      [(d) => (d.entries[0].proof.path[0] = 'ff'.repeat(32)), 'the inclusion proof does not lead'],
      [(d) => (d.treeHead.rootHash = 'ee'.repeat(32)), 'treeHead: the signature does not verify'],
      [(d) => (d.entries[1].party = 'operator'), 'entries[1] (index 2, id 00000000-0000-7000-8000-000000000002): its party is operator'],
      [(d) => (d.summary[0].party = 'evaluator'), 'summary[0] (index 0, id 00000000-0000-7000-8000-000000000000): does not match entries[0]'],
      [(d) => (d.publicKey.keyId = 'ab'), 'publicKey.keyId ab is not the given key'],
      [(d) => (d.streams[2].findings = [{ index: 6, entryId: 'x', reason: 'PREV_HASH_MISMATCH' }]), 'streams[2] (attempt:'],
    ];
    for (const [alter, failure] of cases) {
      const d = l.dossier(p1);
      alter(d);
      expect(verify(l, d).failures[0]).toContain(failure);
    }
  });

  it('fails a dossier checked with another key, and garbage', () => {
    const { l, p1 } = ledger();
    const other = ledgerPublicKey(testSigner('ledger').key);
    expect(verifyDossier(l.dossier(p1), other.publicKeyPem).ok).toBe(false);
    expect(verify(l, { nope: 1 }).failures).toEqual(['not a liability dossier (no treeHead or entries)']);
    expect(verify(l, { ...l.dossier(p1), streams: 'x' }).failures).toEqual(['streams: not a list of streams']);
    expect(verifyDossier(l.dossier(p1), 'not a key').ok).toBe(false);
  });
});
