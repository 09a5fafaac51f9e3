import type { AuditEntry } from '@app/contracts';
import { canonicalJson } from './audit-hash';
import { generateSigningKeyPem, signingKeyFromPem } from './ed25519-pem';
import { hashAuditEntry } from './audit-hash';
import { checkEntrySeal, sealAndHashEntry, sealBytes, sealEntry, type Signer } from './seal';

const draft: Omit<AuditEntry, 'seal'> = {
  id: '0b0f5b8e-51a7-4c36-9b83-0d5d2f6f6a10',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'vendor-1', role: 'vendor' },
  action: 'DEVICE_SUBMITTED',
  subject: 'device:7c6f7e0e-2b5e-4a4c-8f0e-3a4b5c6d7e8f',
  relatedSubjects: [],
  decision: 'SUBMITTED',
  evidence: {},
  correlationId: 'c-1',
  service: 'device-certification',
  streamVersion: 1,
  prevHash: '0'.repeat(64),
};

function signerFor(service: string, validFrom = '2026-01-01T00:00:00.000Z', validUntil?: string) {
  const pair = generateSigningKeyPem();
  const signer: Signer = { service, keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom, ...(validUntil ? { validUntil } : {}) };
  return { key: signingKeyFromPem(pair.privateKeyPem), signer };
}

describe('entry seals', () => {
  const own = signerFor('device-certification');

  it('signs the JCS bytes of the entry without its seal', () => {
    const sealed = sealEntry(draft, own.key);
    expect(new TextDecoder().decode(sealBytes(sealed))).toBe(canonicalJson(draft));
    expect(sealed.seal.keyId).toBe(own.signer.keyId);
    expect(sealed.seal.signature).toMatch(/^[0-9a-f]{128}$/);
  });

  it('seals and hashes in one pass to exactly the bytes of sealEntry then hashAuditEntry', () => {
    const variants: Array<Omit<AuditEntry, 'seal'>> = [
      draft,
      { ...draft, rulesVersion: 'has-2025.1' },
      // Nested keys named like top-level ones, unicode, escapes and numbers: the members are canonicalised as JCS does.
      {
        ...draft,
        relatedSubjects: ['prescription:0b0f5b8e-51a7-4c36-9b83-0d5d2f6f6a11'],
        evidence: { service: 'x', seal: { z: 1, a: [2, 1e21, 0.5] }, 'é': 'quote " and \\ and \u2028', b: null },
      },
    ];
    for (const entry of variants) {
      const { entry: sealed, hash } = sealAndHashEntry(entry, own.key);
      expect(sealed).toEqual(sealEntry(entry, own.key));
      expect(hash).toBe(hashAuditEntry(sealEntry(entry, own.key)));
      expect(checkEntrySeal(sealed, [own.signer]).ok).toBe(true);
    }
  });

  it('verifies under a signer of the entry service valid at occurredAt', () => {
    expect(checkEntrySeal(sealEntry(draft, own.key), [own.signer])).toEqual({ ok: true, signer: own.signer });
  });

  it('finds no seal on an entry without one', () => {
    expect(checkEntrySeal(draft as AuditEntry, [own.signer])).toMatchObject({ ok: false, reason: 'SEAL_MISSING' });
  });

  it('refuses a changed entry, a forged signature and a malformed seal', () => {
    const sealed = sealEntry(draft, own.key);
    const changed = { ...sealed, decision: 'CERTIFIED' };
    const flipped = sealed.seal.signature.startsWith('0') ? '1' : '0';
    const forged = { ...sealed, seal: { ...sealed.seal, signature: flipped + sealed.seal.signature.slice(1) } };
    const upper = { ...sealed, seal: { ...sealed.seal, signature: sealed.seal.signature.toUpperCase() } };
    for (const entry of [changed, forged, upper, { ...sealed, seal: { keyId: 'x' } }]) {
      expect(checkEntrySeal(entry as AuditEntry, [own.signer])).toMatchObject({ ok: false, reason: 'SEAL_INVALID' });
    }
  });

  it('refuses a key of another service, naming whose key it is', () => {
    const other = signerFor('prescription');
    const sealed = sealEntry(draft, other.key);
    const check = checkEntrySeal(sealed, [own.signer, other.signer]);
    expect(check).toMatchObject({ ok: false, reason: 'SIGNER_UNKNOWN' });
    expect(!check.ok && check.message).toContain('prescription');
  });

  it('refuses an unknown key and a registry entry whose PEM is not the key it names', () => {
    const stranger = signerFor('device-certification');
    const sealed = sealEntry(draft, stranger.key);
    expect(checkEntrySeal(sealed, [own.signer])).toMatchObject({ reason: 'SIGNER_UNKNOWN' });
    const lying: Signer = { ...own.signer, keyId: stranger.signer.keyId };
    expect(checkEntrySeal(sealed, [lying])).toMatchObject({ reason: 'SIGNER_UNKNOWN' });
  });

  it('honours validity: from inclusive, until exclusive, on occurredAt', () => {
    const rotated = signerFor('device-certification', '2026-01-01T00:00:00.000Z', '2026-03-01T10:00:00.000Z');
    const before = sealEntry({ ...draft, occurredAt: '2026-03-01T09:59:59.999Z' }, rotated.key);
    const at = sealEntry(draft, rotated.key);
    expect(checkEntrySeal(before, [rotated.signer]).ok).toBe(true);
    expect(checkEntrySeal(at, [rotated.signer])).toMatchObject({ reason: 'SIGNER_NOT_VALID' });
    const future = signerFor('device-certification', '2026-03-01T10:00:00.001Z');
    expect(checkEntrySeal(sealEntry(draft, future.key), [future.signer])).toMatchObject({ reason: 'SIGNER_NOT_VALID' });
    const from = signerFor('device-certification', draft.occurredAt);
    expect(checkEntrySeal(sealEntry(draft, from.key), [from.signer]).ok).toBe(true);
  });

  it('refuses an occurredAt with another spelling of the instant, and never throws on junk', () => {
    const odd = sealEntry({ ...draft, occurredAt: '2026-03-01T10:00:00Z' }, own.key);
    expect(checkEntrySeal(odd, [own.signer])).toMatchObject({ reason: 'SIGNER_NOT_VALID' });
    for (const junk of [null, 'x', 42, [], { seal: null }]) {
      expect(checkEntrySeal(junk as unknown as AuditEntry, [own.signer]).ok).toBe(false);
    }
  });
});
