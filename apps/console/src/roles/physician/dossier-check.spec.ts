import { TestLedger } from '@app/audit/dossier.fixture';
import type { SubjectRef } from '@app/contracts';
import { checkDossier } from './dossier-check';

const physician = { id: 'physician-1', role: 'physician' as const };
const evaluator = { id: 'evaluator-1', role: 'evaluator' as const };

function ledger() {
  const l = new TestLedger();
  const device: SubjectRef = 'device:0000000d-0000-7000-8000-000000000001';
  const prescription: SubjectRef = 'prescription:00000001-0000-7000-8000-000000000002';
  l.record(evaluator, 'device.certified', device, [], 'device-certification');
  l.record(physician, 'prescription.issued', prescription, [device]);
  l.record(physician, 'prescription.cancelled', prescription, [device]);
  return { l, id: prescription.split(':')[1] };
}

describe('the dossier check in the browser', () => {
  it('says a genuine dossier verified, with its counts', () => {
    const { l, id } = ledger();
    const dossier = l.dossier(id);
    const check = checkDossier(dossier, l.publicKey.publicKeyPem, l.signers);
    expect(check).toMatchObject({ ok: true, entries: 3, streams: 2, treeSize: 3, sealsFrom: 'given' });
  });

  it('names the first altered entry, its index and id, and lists every failure', () => {
    const { l, id } = ledger();
    const dossier = l.dossier(id);
    const altered = dossier.entries.find((item) => item.entry.action === 'prescription.issued')!;
    altered.entry.decision = 'REFUSED';
    const check = checkDossier(dossier, l.publicKey.publicKeyPem, l.signers);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.failedEntry).toMatchObject({ index: altered.index, entryId: altered.entry.id });
    expect(check.failures[0]).toContain('altered');
    expect(check.failures.length).toBeGreaterThanOrEqual(1);
  });

  it('trusts only the key it is given, not the one the dossier brings', () => {
    const { l, id } = ledger();
    const other = new TestLedger();
    const check = checkDossier(l.dossier(id), other.publicKey.publicKeyPem, l.signers);
    expect(check).toMatchObject({ ok: false });
    expect(check.ok ? [] : check.failures.join('\n')).toContain('is not the given key');
  });
});
