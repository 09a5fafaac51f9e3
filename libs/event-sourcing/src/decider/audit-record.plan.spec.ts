import { GENESIS_HASH, generateSigningKey, verifyChain } from '@app/audit';

const signingKey = generateSigningKey();
import { TOPICS } from '@app/contracts';
import { planAuditRecord } from './audit-record.plan';

const context = {
  actor: { id: 'physician-1', role: 'physician' as const },
  correlationId: 'corr-9',
  causationId: null,
  now: new Date('2025-03-02T08:30:00.000Z'),
};
const draft = {
  actor: context.actor,
  action: 'prescription.issue',
  subject: 'attempt:0193' as const,
  relatedSubjects: ['device:0194' as const],
  decision: 'refused',
  evidence: { rule: 'HAS-HF-01' },
  rulesVersion: 'has-2024.1',
};

describe('planAuditRecord', () => {
  it('appends only a chained audit entry and its announcement, keeping the stream version', () => {
    const { append, auditEntry } = planAuditRecord({
      stream: { position: 0, auditHeadHash: GENESIS_HASH, events: [] },
      streamId: 'attempt:0193',
      streamType: 'attempt',
      draft,
      context,
      service: 'prescription',
      signingKey,
      newId: () => 'audit-1',
    });
    expect(append).toMatchObject({ expectedVersion: 0, events: [] });
    expect(auditEntry.entry).toMatchObject({ id: 'audit-1', streamVersion: 0, prevHash: GENESIS_HASH, decision: 'refused' });
    expect(verifyChain([auditEntry])).toEqual({ ok: true });
    expect(append.outbox).toEqual([expect.objectContaining({ topic: TOPICS.auditEntries, key: 'attempt:0193' })]);
  });

  it('extends an existing chain from its head at the current version', () => {
    const head = 'b'.repeat(64);
    const { auditEntry, append } = planAuditRecord({
      stream: { position: 3, auditHeadHash: head, events: [] },
      streamId: 'prescription:1',
      streamType: 'prescription',
      draft,
      context,
      service: 'prescription',
      signingKey,
      newId: () => 'audit-2',
    });
    expect(auditEntry.entry).toMatchObject({ prevHash: head, streamVersion: 3 });
    expect(append.expectedVersion).toBe(3);
  });
});
