import { sealEntry } from '@app/audit/seal';
import { generateSigningKey } from '@app/audit/ed25519-pem';
import { coveredByHead, entryReport } from './entry-report';
import { flipped, ledgerFixture, unsealedEntry } from './ledger.fixture';
import type { LedgerEntry } from './ledger-api';

describe('entryReport: an entry checked in the browser (seal, leaf, inclusion under the signed head)', () => {
  const ledger = ledgerFixture(7);
  const head = ledger.head(7);
  const view = ledger.views[4];

  it('verifies a genuine entry: seal of its service, recomputed leaf, proof to the signed root', () => {
    const report = entryReport(view, ledger.signers, ledger.inclusion(4, 7), head, ledger.key);
    expect(report.seal).toMatchObject({ ok: true, signer: { service: 'device-certification' } });
    expect(report.leaf).toEqual({ computed: view.leafHash, served: view.leafHash, matches: true });
    expect(report.leafText.startsWith('{"action":"device.registered","actor":')).toBe(true);
    expect(report.inclusion).toEqual({ treeSize: 7, headSigned: true, proofForEntry: true, proofValid: true, verified: true });
    expect(report.verified).toBe(true);
  });

  it('says the inclusion is not verified when one hash of the path is altered, the rest still verified', () => {
    const proof = ledger.inclusion(4, 7);
    const report = entryReport(view, ledger.signers, { ...proof, path: [flipped(proof.path[0]), ...proof.path.slice(1)] }, head, ledger.key);
    expect(report.seal.ok).toBe(true);
    expect(report.leaf.matches).toBe(true);
    expect(report.inclusion).toMatchObject({ proofForEntry: true, proofValid: false, verified: false });
    expect(report.verified).toBe(false);
  });

  it('refuses the proof of another entry, and a proof against an unsigned head', () => {
    expect(entryReport(view, ledger.signers, ledger.inclusion(3, 7), head, ledger.key).inclusion).toMatchObject({ proofForEntry: false, verified: false });
    const unsigned = { ...head, signature: flipped(head.signature) };
    expect(entryReport(view, ledger.signers, ledger.inclusion(4, 7), unsigned, ledger.key).inclusion).toMatchObject({ headSigned: false, verified: false });
  });

  it('finds an entry changed after sealing: seal invalid, leaf not the served one, no inclusion', () => {
    const changed: LedgerEntry = { ...view.entry, decision: 'CERTIFIED' };
    const report = entryReport({ ...view, entry: changed }, ledger.signers, ledger.inclusion(4, 7), head, ledger.key);
    expect(report.seal).toMatchObject({ ok: false, reason: 'SEAL_INVALID' });
    expect(report.leaf.matches).toBe(false);
    expect(report.inclusion.proofValid).toBe(false);
    expect(report.verified).toBe(false);
  });

  it('names a seal made with a key the registry does not know for that service', () => {
    const forged = sealEntry(unsealedEntry(4) as never, generateSigningKey()) as unknown as LedgerEntry;
    expect(entryReport({ ...view, entry: forged }, ledger.signers, ledger.inclusion(4, 7), head, ledger.key).seal).toMatchObject({ ok: false, reason: 'SIGNER_UNKNOWN' });
  });

  it('knows whether the signed head covers an entry yet', () => {
    expect(coveredByHead({ index: 6 }, { treeSize: 7 })).toBe(true);
    expect(coveredByHead({ index: 7 }, { treeSize: 7 })).toBe(false);
  });
});
