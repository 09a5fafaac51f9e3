import { generateSigningKey, publicKeyToPem } from '@app/audit/ed25519-pem';
import { flipped, ledgerFixture } from './ledger.fixture';
import { treeHeadReport } from './tree-head-report';

describe('treeHeadReport: a signed tree head checked in the browser against the ledger key', () => {
  const ledger = ledgerFixture(5);

  it('verifies a genuine head', () => {
    expect(treeHeadReport(ledger.head(5), ledger.key)).toEqual({ keyIdMatchesKey: true, headNamesKey: true, signatureValid: true, verified: true });
  });

  it('refuses a head whose size, root or time was changed after signing', () => {
    const head = ledger.head(5);
    expect(treeHeadReport({ ...head, treeSize: 4 }, ledger.key)).toMatchObject({ signatureValid: false, verified: false });
    expect(treeHeadReport({ ...head, rootHash: flipped(head.rootHash) }, ledger.key).verified).toBe(false);
    expect(treeHeadReport({ ...head, timestamp: new Date(Date.parse(head.timestamp) + 1).toISOString() }, ledger.key).verified).toBe(false);
  });

  it('refuses a key whose served keyId is not its own, and a head naming another key', () => {
    const other = generateSigningKey();
    expect(treeHeadReport(ledger.head(5), { ...ledger.key, publicKeyPem: publicKeyToPem(other.publicKey) })).toMatchObject({
      keyIdMatchesKey: false,
      verified: false,
    });
    expect(treeHeadReport({ ...ledger.head(5), keyId: other.keyId }, ledger.key)).toMatchObject({ headNamesKey: false, signatureValid: false, verified: false });
  });

  it('says not verified, without throwing, for a malformed PEM or signature', () => {
    expect(treeHeadReport(ledger.head(5), { ...ledger.key, publicKeyPem: 'junk' }).verified).toBe(false);
    expect(treeHeadReport({ ...ledger.head(5), signature: 'zz' }, ledger.key).verified).toBe(false);
  });
});
