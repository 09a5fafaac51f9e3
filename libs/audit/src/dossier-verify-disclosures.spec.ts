import type { DisclosureV1, SubjectRef } from '@app/contracts';
import type { LiabilityDossier } from './dossier';
import { TestLedger } from './dossier.fixture';
import { verifyDossier } from './dossier-verify';
import { textCommitment } from './text-commitment';

const evaluator = { id: 'e', role: 'evaluator' as const };
const physician = { id: 'p', role: 'physician' as const };
const vendor = { id: 'v', role: 'vendor' as const };
const dev = 'device-certification';
const SALT_A = '00112233445566778899aabbccddeeff';
const SALT_B = 'ffeeddccbbaa99887766554433221100';
const SUSPENSION = 'Battery overheating reported on lot 42';
const CANCELLATION = 'Patient moved to another region';

/**
 * A device suspended with a reason and a prescription cancelled with one:
 * both entries hold only the commitments of their texts, which the
 * disclosures then give.
 */
function dossierWithTexts(): { l: TestLedger; d: LiabilityDossier; suspended: number; cancelled: number } {
  const l = new TestLedger();
  const D: SubjectRef = 'device:0000000d-0000-7000-8000-000000000001';
  const P: SubjectRef = 'prescription:00000001-0000-7000-8000-000000000003';
  l.record(vendor, 'device.registered', D, [], dev);
  l.record(evaluator, 'device.certified', D, [], dev);
  l.record(physician, 'prescription.issued', P, [D]);
  l.record(evaluator, 'device.suspended', D, [], dev, undefined, {
    events: [{ type: 'DeviceSuspended', data: { reason: { commitment: textCommitment(SALT_A, SUSPENSION) }, evaluatorOrg: 'EVAL' } }],
  });
  l.record(physician, 'prescription.cancelled', P, [D], 'prescription', undefined, {
    reason: { commitment: textCommitment(SALT_B, CANCELLATION) },
  });
  const d = l.dossier(P.split(':')[1]);
  return { l, d, suspended: 3, cancelled: 4 };
}

const withDisclosures = (d: LiabilityDossier, disclosures: DisclosureV1[]): LiabilityDossier => ({ ...d, disclosures });
const good = (suspended: number, cancelled: number): Array<Extract<DisclosureV1, { salt: string }>> => [
  { index: suspended, path: '/evidence/events/0/data/reason', text: SUSPENSION, salt: SALT_A },
  { index: cancelled, path: '/evidence/reason', text: CANCELLATION, salt: SALT_B },
];

describe('verifyDossier: disclosures', () => {
  it('verifies disclosed texts against their commitments and counts them', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const result = verifyDossier(withDisclosures(d, good(suspended, cancelled)), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ ok: true, texts: { checked: 2, unchecked: 0, undisclosed: 0 } });
  });

  it('counts the commitments no disclosure names, without failing (this reader was not given them)', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const result = verifyDossier(withDisclosures(d, good(suspended, cancelled).slice(1)), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result).toMatchObject({ ok: true, texts: { checked: 1, unchecked: 0, undisclosed: 1 } });
  });

  it('fails a changed text, naming the entry and the path', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    const changed: DisclosureV1 = { index: cancelled, path: '/evidence/reason', text: 'Patient moved to another regions', salt: SALT_B };
    const result = verifyDossier(withDisclosures(d, [suspension, changed]), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result.ok).toBe(false);
    expect(result.failedEntry).toMatchObject({ index: cancelled, entryId: l.entries[cancelled].id });
    expect(result.failures).toEqual([
      `disclosures[1] (index ${cancelled}, id ${l.entries[cancelled].id}): path /evidence/reason: the text and salt do not match the entry's commitment (the text was changed)`,
    ]);
    expect(result.texts).toEqual({ checked: 1, unchecked: 0, undisclosed: 0 });
  });

  it('fails another salt as it fails another text', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    const result = verifyDossier(withDisclosures(d, [{ ...suspension, salt: SALT_B }]), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result.failedEntry).toMatchObject({ index: suspended });
  });

  it('fails a wrong path: one that names nothing, one that names something other than a commitment', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    for (const [path, why] of [
      ['/evidence/events/0/data/note', 'names nothing in the entry'],
      ['/evidence/events/0/data', 'does not name a commitment { commitment } of the entry'],
      ['/evidence/events/0/data/reason/commitment', 'does not name a commitment { commitment } of the entry'],
      ['evidence/events/0/data/reason', 'names nothing in the entry'],
    ]) {
      const result = verifyDossier(withDisclosures(d, [{ ...suspension, path }]), l.publicKey.publicKeyPem, { signers: l.signers });
      expect(result.ok).toBe(false);
      expect(result.failures).toEqual([`disclosures[0] (index ${suspended}, id ${l.entries[suspended].id}): path ${path}: ${why}`]);
    }
  });

  it("fails the right text given for another entry's commitment", () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    const result = verifyDossier(withDisclosures(d, [{ ...suspension, index: cancelled, path: '/evidence/reason' }]), l.publicKey.publicKeyPem, {
      signers: l.signers,
    });
    expect(result.failedEntry).toMatchObject({ index: cancelled });
  });

  it('fails an index that names no entry of the dossier', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    const result = verifyDossier(withDisclosures(d, [{ ...suspension, index: 99 }]), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result).toMatchObject({ ok: false, failures: ['disclosures[0]: index 99 names no entry of the dossier'] });
  });

  it('counts an erased text as unchecked, not as a failure', () => {
    const { l, d, suspended, cancelled } = dossierWithTexts();
    const [suspension] = good(suspended, cancelled);
    const erased: DisclosureV1 = { index: cancelled, path: '/evidence/reason', text: 'erased', erased: true };
    const result = verifyDossier(withDisclosures(d, [suspension, erased]), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result).toMatchObject({ ok: true, failures: [], texts: { checked: 1, unchecked: 1, undisclosed: 0 } });
  });

  it('still fails an erased disclosure that points at no commitment', () => {
    const { l, d, cancelled } = dossierWithTexts();
    const erased: DisclosureV1 = { index: cancelled, path: '/evidence/nothing', text: 'erased', erased: true };
    const result = verifyDossier(withDisclosures(d, [erased]), l.publicKey.publicKeyPem, { signers: l.signers });
    expect(result).toMatchObject({ ok: false, failedEntry: { index: cancelled } });
  });

  it('fails disclosures that are not a list, and reports no texts for a dossier without disclosures', () => {
    const { l, d } = dossierWithTexts();
    const garbage = verifyDossier({ ...d, disclosures: 'x' }, l.publicKey.publicKeyPem, { signers: l.signers });
    expect(garbage).toMatchObject({ ok: false, failures: ['disclosures is not a list'] });
    const none = verifyDossier(d, l.publicKey.publicKeyPem, { signers: l.signers });
    expect(none.ok).toBe(true);
    expect(none.texts).toBeUndefined();
  });
});
