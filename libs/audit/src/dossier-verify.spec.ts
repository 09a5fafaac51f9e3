import type { AuditEntry } from '@app/contracts';
import { canonicalBytes } from './audit-hash';
import { generateSigningKeyPem, signingKeyFromPem } from './ed25519-pem';
import { dossierSummary, partiesOf, type LiabilityDossier } from './dossier';
import { verifyDossier } from './dossier-verify';
import { toHex } from './hex';
import { inclusionProof, leafHash, rootFromLeafHashes } from './merkle';
import { ledgerPublicKey, signTreeHead } from './tree-head';

const privateKey = signingKeyFromPem(generateSigningKeyPem().privateKeyPem);
const publicKey = ledgerPublicKey(privateKey);
const entry = (i: number, subject: string, related: string[] = []): AuditEntry =>
  ({
    id: `id-${i}`, occurredAt: `2026-01-01T00:00:0${i}.000Z`, actor: { id: 'u', role: i === 0 ? 'evaluator' : 'physician' },
    action: i === 0 ? 'device.certified' : 'prescription.issued', subject, relatedSubjects: related, decision: 'OK', evidence: { i },
    correlationId: 'c', service: 's', streamVersion: 1, prevHash: '0'.repeat(64),
  }) as unknown as AuditEntry;

function dossier(): LiabilityDossier {
  const ledger = [entry(0, 'device:d'), entry(9, 'claim:other'), entry(1, 'prescription:p', ['device:d'])];
  const leaves = ledger.map((e) => leafHash(canonicalBytes(e)));
  const head = signTreeHead(privateKey, Date.parse('2026-01-02T00:00:00.000Z'), 3, rootFromLeafHashes(leaves));
  const chosen = [0, 2];
  const parties = partiesOf(chosen.map((i) => ledger[i]));
  const entries = chosen.map((i, k) => ({
    index: i, entry: ledger[i], leafHash: toHex(leaves[i]), party: parties[k],
    proof: { leafIndex: i, treeSize: 3, path: inclusionProof(leaves, i, 3).map(toHex) },
  }));
  return { prescriptionId: 'p', treeHead: head, publicKey: { keyId: publicKey.keyId, publicKeyPem: publicKey.publicKeyPem }, entries, summary: dossierSummary(entries) };
}

describe('verifyDossier', () => {
  it('accepts an untouched dossier', () => {
    expect(verifyDossier(dossier(), publicKey.publicKeyPem)).toEqual({ ok: true, failures: [], entriesChecked: 2 });
  });

  it.each<[string, (d: LiabilityDossier) => void, string]>([
    ['an altered entry', (d) => (d.entries[1].entry.decision = 'NO'), 'entries[1] (index 2, id id-1): the entry does not hash to its leafHash'],
    ['a proof of another entry', (d) => (d.entries[0].proof = { ...d.entries[1].proof }), 'entries[0] (index 0, id id-0): proof.leafIndex 2'],
    ['a changed path', (d) => (d.entries[0].proof.path[0] = 'ff'.repeat(32)), 'entries[0] (index 0, id id-0): the inclusion proof does not lead'],
    ['a re-signed root', (d) => (d.treeHead.rootHash = 'ee'.repeat(32)), 'treeHead: the signature does not verify'],
    ['an edited party', (d) => (d.entries[1].party = 'operator'), 'entries[1].party is operator'],
    ['an edited summary', (d) => (d.summary[0].party = 'vendor'), 'summary[0] does not match entries[0]'],
    ['another key', (d) => (d.publicKey.keyId = 'ab'), 'publicKey.keyId ab is not the given key'],
  ])('rejects %s, naming it', (_case, alter, failure) => {
    const d = dossier();
    alter(d);
    const result = verifyDossier(d, publicKey.publicKeyPem);
    expect(result.ok).toBe(false);
    expect(result.failures.join('\n')).toContain(failure);
  });

  it('rejects a dossier checked with another key, and garbage', () => {
    const other = ledgerPublicKey(signingKeyFromPem(generateSigningKeyPem().privateKeyPem));
    expect(verifyDossier(dossier(), other.publicKeyPem).ok).toBe(false);
    expect(verifyDossier({ nope: 1 }, publicKey.publicKeyPem).failures).toEqual(['not a liability dossier (no treeHead or entries)']);
    expect(verifyDossier(dossier(), 'not a key').ok).toBe(false);
  });
});
