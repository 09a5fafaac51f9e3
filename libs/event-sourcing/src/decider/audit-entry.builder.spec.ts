import { checkEntrySeal, generateSigningKey, GENESIS_HASH, hashAuditEntry, publicKeyToPem, resolveJsonPointer, verifyChain } from '@app/audit';
import { auditEnvelope, buildAuditEntry } from './audit-entry.builder';
import { disclosable } from './disclosable';

const signingKey = generateSigningKey();
const signer = { service: 'device-certification', keyId: signingKey.keyId, publicKeyPem: publicKeyToPem(signingKey.publicKey), validFrom: '2025-01-01T00:00:00.000Z' };

const context = {
  actor: { id: 'vendor-4', role: 'vendor' as const },
  correlationId: 'corr-4',
  causationId: 'cause-4',
  now: new Date('2025-05-05T05:05:05.005Z'),
};
const draft = {
  actor: context.actor,
  action: 'device.submit',
  subject: 'device:42' as const,
  relatedSubjects: [],
  decision: 'submitted',
  evidence: { documents: 3 },
  rulesVersion: undefined,
};

describe('buildAuditEntry', () => {
  const { audit: sealed } = buildAuditEntry({ draft, id: 'a-1', prevHash: GENESIS_HASH, streamVersion: 1, service: 'device-certification', signingKey, context });

  it('drops an undefined rulesVersion, so what is stored as JSON hashes the same when read back', () => {
    expect('rulesVersion' in sealed.entry).toBe(false);
    expect(hashAuditEntry(JSON.parse(JSON.stringify(sealed.entry)))).toBe(sealed.hash);
    expect(verifyChain([{ entry: JSON.parse(JSON.stringify(sealed.entry)), hash: sealed.hash }])).toEqual({ ok: true });
  });

  it('fills time, correlation, service and stream version from the run', () => {
    expect(sealed.entry).toMatchObject({
      occurredAt: '2025-05-05T05:05:05.005Z',
      correlationId: 'corr-4',
      service: 'device-certification',
      streamVersion: 1,
    });
  });

  it('seals the entry under the service key, and the chain hash covers the seal', () => {
    const stored = JSON.parse(JSON.stringify(sealed.entry));
    expect(checkEntrySeal(stored, [signer])).toEqual({ ok: true, signer });
    expect(checkEntrySeal({ ...stored, decision: 'approved' }, [signer])).toMatchObject({ ok: false, reason: 'SEAL_INVALID' });
    expect(hashAuditEntry({ ...stored, seal: { ...stored.seal, signature: '0'.repeat(128) } })).not.toBe(sealed.hash);
  });
});

describe('auditEnvelope', () => {
  it('carries the chained entry under its own id, for the ledger to deduplicate on', () => {
    const { audit: sealed } = buildAuditEntry({ draft, id: 'a-2', prevHash: GENESIS_HASH, streamVersion: 3, service: 's', signingKey, context });
    expect(auditEnvelope(sealed, { id: 'device:42', type: 'device' }, context)).toEqual({
      id: 'a-2',
      type: 'AuditEntryRecorded',
      schemaVersion: 1,
      streamId: 'device:42',
      streamType: 'device',
      version: 3,
      occurredAt: '2025-05-05T05:05:05.005Z',
      correlationId: 'corr-4',
      causationId: 'cause-4',
      actor: context.actor,
      data: sealed,
    });
  });
});

describe('buildAuditEntry with disclosable texts', () => {
  const suspension = { commitment: 'c'.repeat(64), ciphertext: 'st1.0000000000000000.aXY.dGFn.Ym9keQ' };
  const rejection = { commitment: 'd'.repeat(64), ciphertext: 'st1.0000000000000000.aXY.dGFn.b3RoZXI' };
  const textDraft = {
    ...draft,
    evidence: {
      status: 'SUSPENDED',
      events: [
        { type: 'DeviceSuspended', data: { reason: disclosable(suspension, { aad: 'device:42#suspension.reason', readers: ['physician:*'] }), evaluatorOrg: 'EVAL' } },
        { type: 'DeviceRejected', data: { reasons: [disclosable(rejection, { aad: 'device:42#rejection.reasons.0', pseudonym: 'p'.repeat(64) })] } },
      ],
      'odd/key~': { note: disclosable(suspension, { aad: 'device:42#odd' }) },
    },
  };
  const { audit, disclosures } = buildAuditEntry({ draft: textDraft, id: 'a-3', prevHash: GENESIS_HASH, streamVersion: 2, service: 'device-certification', signingKey, context });

  it('puts only the commitment in the entry, at the place of the text', () => {
    expect(audit.entry.evidence).toEqual({
      status: 'SUSPENDED',
      events: [
        { type: 'DeviceSuspended', data: { reason: { commitment: suspension.commitment }, evaluatorOrg: 'EVAL' } },
        { type: 'DeviceRejected', data: { reasons: [{ commitment: rejection.commitment }] } },
      ],
      'odd/key~': { note: { commitment: suspension.commitment } },
    });
    const stored = JSON.stringify(audit.entry);
    expect(stored).not.toContain(suspension.ciphertext);
    expect(stored).not.toContain('device:42#');
    expect(stored).not.toContain('physician:*');
  });

  it('yields one disclosure row per text, at its RFC 6901 pointer into the entry, with what opens it and who reads it', () => {
    expect(disclosures).toEqual([
      { path: '/evidence/events/0/data/reason', ciphertext: suspension.ciphertext, aad: 'device:42#suspension.reason', pseudonym: null, readers: ['physician:*'] },
      { path: '/evidence/events/1/data/reasons/0', ciphertext: rejection.ciphertext, aad: 'device:42#rejection.reasons.0', pseudonym: 'p'.repeat(64), readers: [] },
      { path: '/evidence/odd~1key~0/note', ciphertext: suspension.ciphertext, aad: 'device:42#odd', pseudonym: null, readers: [] },
    ]);
    for (const { path } of disclosures) expect(resolveJsonPointer(audit.entry, path)).toMatchObject({ found: true, value: { commitment: expect.any(String) } });
  });

  it('seals and hashes the entry as stored, commitments included', () => {
    const stored = JSON.parse(JSON.stringify(audit.entry));
    expect(hashAuditEntry(stored)).toBe(audit.hash);
    expect(checkEntrySeal(stored, [signer])).toEqual({ ok: true, signer });
  });

  it('leaves an entry without texts as it was, and yields no row', () => {
    expect(buildAuditEntry({ draft, id: 'a-4', prevHash: GENESIS_HASH, streamVersion: 1, service: 's', signingKey, context }).disclosures).toEqual([]);
  });

  it('refuses a sealed text left unmarked in the evidence: its ciphertext would be in the entry for ever', () => {
    const leaking = { ...draft, evidence: { events: [{ data: { reason: suspension } }] } };
    expect(() => buildAuditEntry({ draft: leaking, id: 'a-5', prevHash: GENESIS_HASH, streamVersion: 1, service: 's', signingKey, context })).toThrow(
      'audit evidence at /evidence/events/0/data/reason holds a sealed text: mark it with disclosable(...)',
    );
  });

  it('shows only the commitment if a marked text is ever serialised as is', () => {
    expect(JSON.parse(JSON.stringify(textDraft.evidence.events[0]))).toEqual({ type: 'DeviceSuspended', data: { reason: { commitment: suspension.commitment }, evaluatorOrg: 'EVAL' } });
  });

  it('refuses a reader that is not <role>:<id>, and a mark without associated data', () => {
    expect(() => disclosable(suspension, { aad: 'x#y', readers: ['everyone' as never] })).toThrow(/reader "everyone"/);
    expect(() => disclosable(suspension, { aad: '' })).toThrow(/associated data/);
  });
});
