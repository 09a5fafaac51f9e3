import { checkEntrySeal, generateSigningKey, GENESIS_HASH, hashAuditEntry, publicKeyToPem, verifyChain } from '@app/audit';
import { auditEnvelope, buildAuditEntry } from './audit-entry.builder';

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
  const sealed = buildAuditEntry({ draft, id: 'a-1', prevHash: GENESIS_HASH, streamVersion: 1, service: 'device-certification', signingKey, context });

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
    const sealed = buildAuditEntry({ draft, id: 'a-2', prevHash: GENESIS_HASH, streamVersion: 3, service: 's', signingKey, context });
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
