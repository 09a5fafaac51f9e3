import { generateSigningKey } from '@app/audit/ed25519-pem';
import { sealEntry } from '@app/audit/seal';
import { ledgerFixture, unsealedEntry } from './ledger.fixture';
import { recheckQuarantined } from './quarantine-recheck';

const base64 = (value: unknown): string => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));

describe('recheckQuarantined: a refused message re-checked in the browser', () => {
  const ledger = ledgerFixture(1);

  it('confirms a seal under a key the registry does not know for the service', () => {
    const forged = sealEntry(unsealedEntry(0) as never, generateSigningKey());
    const recheck = recheckQuarantined({ reason: 'SIGNER_UNKNOWN', rawBase64: base64({ type: 'AuditEntryRecorded', data: { entry: forged, hash: '' } }) }, ledger.signers);
    expect(recheck).toMatchObject({ kind: 'SEAL_FAILS', reason: 'SIGNER_UNKNOWN', agreesWithLedger: true });
  });

  it('confirms a missing seal, and says when its finding differs from the ledger’s', () => {
    const raw = base64({ data: { entry: unsealedEntry(0) } });
    expect(recheckQuarantined({ reason: 'SEAL_MISSING', rawBase64: raw }, ledger.signers)).toMatchObject({ kind: 'SEAL_FAILS', reason: 'SEAL_MISSING', agreesWithLedger: true });
    expect(recheckQuarantined({ reason: 'SEAL_INVALID', rawBase64: raw }, ledger.signers)).toMatchObject({ agreesWithLedger: false });
  });

  it('says a message refused for its chain still carries a good seal', () => {
    const raw = base64({ data: { entry: ledger.views[0].entry } });
    expect(recheckQuarantined({ reason: 'PREV_HASH_MISMATCH', rawBase64: raw }, ledger.signers)).toEqual({ kind: 'SEAL_VERIFIES' });
  });

  it('cannot check what was not kept, is not JSON or holds no entry', () => {
    expect(recheckQuarantined({ reason: 'UNREADABLE', rawBase64: null }, ledger.signers)).toEqual({ kind: 'NOT_CHECKABLE' });
    expect(recheckQuarantined({ reason: 'UNREADABLE', rawBase64: btoa('not json {') }, ledger.signers)).toEqual({ kind: 'NOT_CHECKABLE' });
    expect(recheckQuarantined({ reason: 'MALFORMED_ENTRY', rawBase64: base64({ data: { entry: [1] } }) }, ledger.signers)).toEqual({ kind: 'NOT_CHECKABLE' });
  });
});
