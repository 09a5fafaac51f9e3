import { generateSigningKey, GENESIS_HASH, nextAuditEntry } from '@app/audit';

const signingKey = generateSigningKey();
import type { AuditEntry } from '@app/contracts';
import { checkStreamChain } from './stream-chain.check';

const draft = (id: string, streamVersion: number): Omit<AuditEntry, 'prevHash' | 'seal'> => ({
  id,
  occurredAt: '2025-01-01T00:00:00.000Z',
  actor: { id: 'v1', role: 'vendor' },
  action: 'device.submit',
  subject: 'device:1',
  relatedSubjects: [],
  decision: 'accepted',
  evidence: {},
  correlationId: 'c',
  service: 'device-certification',
  streamVersion,
});
const first = nextAuditEntry(draft('a1', 1), GENESIS_HASH, signingKey);
const second = nextAuditEntry(draft('a2', 2), first.hash, signingKey);

describe('checkStreamChain', () => {
  it('accepts a chain ending at the recorded head', () => {
    expect(checkStreamChain('device:1', [first, second], { hash: second.hash, seq: 2 })).toEqual({
      ok: true,
      streamId: 'device:1',
      entries: 2,
    });
  });

  it('names an edited entry', () => {
    const edited = { ...first, entry: { ...first.entry, decision: 'refused' } };
    expect(checkStreamChain('device:1', [edited, second], { hash: second.hash, seq: 2 })).toMatchObject({
      ok: false,
      brokenAt: { index: 0, entryId: 'a1', reason: 'HASH_MISMATCH' },
    });
  });

  it('catches a truncated tail through the head', () => {
    expect(checkStreamChain('device:1', [first], { hash: second.hash, seq: 2 })).toMatchObject({
      ok: false,
      brokenAt: { index: 1, reason: 'HEAD_MISMATCH' },
    });
  });

  it('catches a chain emptied entirely', () => {
    expect(checkStreamChain('device:1', [], { hash: first.hash, seq: 1 })).toMatchObject({ ok: false });
    expect(checkStreamChain('device:1', [], { hash: null, seq: 0 })).toMatchObject({ ok: true });
  });
});
