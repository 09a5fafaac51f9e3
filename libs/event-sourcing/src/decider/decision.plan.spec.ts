import { GENESIS_HASH, generateSigningKey, hashAuditEntry, verifyChain } from '@app/audit';
import { TOPICS } from '@app/contracts';
import type { StoredEvent, StreamState } from '../store/event-store.types';
import { type ReviewEvent, reviewDecider } from '../fixtures/review.decider';
import type { CommandContext } from '../command/command-context';
import { type DecisionInput, planDecision } from './decision.plan';
import { disclosable } from './disclosable';
import type { ReviewCommand, ReviewState } from '../fixtures/review.decider';

const signingKey = generateSigningKey();

const now = new Date('2025-03-01T10:00:00.000Z');
const context: CommandContext = {
  actor: { id: 'evaluator-1', role: 'evaluator' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  now,
};
const stored = (event: ReviewEvent, version: number): StoredEvent => ({
  ...event,
  globalPosition: version,
  id: `e${version}`,
  streamId: 'review:r1',
  streamType: 'review',
  version,
  schemaVersion: 1,
  metadata: { actor: context.actor, correlationId: 'old', causationId: null },
  occurredAt: now.toISOString(),
});
const openStream: StreamState = {
  position: 1,
  auditHeadHash: 'a'.repeat(64),
  events: [stored({ type: 'ReviewOpened', data: { reviewId: 'r1', openedAt: now.toISOString() } }, 1)],
};

function input(
  command: ReviewCommand,
  stream: StreamState,
  overrides: Partial<DecisionInput<ReviewState, ReviewCommand, ReviewEvent>> = {},
): DecisionInput<ReviewState, ReviewCommand, ReviewEvent> {
  let id = 0;
  return {
    decider: reviewDecider,
    command,
    context,
    stream,
    streamId: 'review:r1',
    streamType: 'review',
    topic: TOPICS.deviceCertification,
    audit: ({ state, version }) => ({
      actor: context.actor,
      action: 'review.approve',
      subject: 'device:r1',
      relatedSubjects: [],
      decision: state.status,
      evidence: { version },
    }),
    service: 'device-certification',
    signingKey,
    newId: () => `id-${++id}`,
    schemaVersionOf: (type) => (type === 'ReviewApproved' ? 2 : 1),
    ...overrides,
  };
}

describe('planDecision', () => {
  const approve: ReviewCommand = { type: 'ApproveReview', reviewId: 'r1', note: 'fine', now };

  it('folds the stream, decides, and appends at the next version with the expected one', () => {
    const plan = planDecision(input(approve, openStream));
    expect(plan.state).toEqual({ status: 'approved', approvals: 1 });
    expect(plan.version).toBe(2);
    expect(plan.append).toMatchObject({ streamId: 'review:r1', expectedVersion: 1 });
    expect(plan.append?.events).toEqual([
      {
        id: 'id-1',
        type: 'ReviewApproved',
        data: { reviewId: 'r1', approvedAt: now.toISOString(), note: 'fine' },
        schemaVersion: 2,
        occurredAt: now.toISOString(),
        metadata: { actor: context.actor, correlationId: 'corr-1', causationId: 'cause-1' },
      },
    ]);
  });

  it('chains the audit entry on the stream head and fills the runner-owned fields', () => {
    const { auditEntry } = planDecision(input(approve, openStream));
    expect(auditEntry?.entry).toEqual({
      id: 'id-2',
      occurredAt: now.toISOString(),
      actor: context.actor,
      action: 'review.approve',
      subject: 'device:r1',
      relatedSubjects: [],
      decision: 'approved',
      evidence: { version: 2 },
      correlationId: 'corr-1',
      service: 'device-certification',
      streamVersion: 2,
      prevHash: 'a'.repeat(64),
      seal: { keyId: signingKey.keyId, signature: expect.stringMatching(/^[0-9a-f]{128}$/) },
    });
    expect(auditEntry?.hash).toBe(hashAuditEntry(auditEntry!.entry));
  });

  it('starts a new stream chain at the genesis hash', () => {
    const open: ReviewCommand = { type: 'OpenReview', reviewId: 'r1', now };
    const { auditEntry } = planDecision(input(open, { position: 0, auditHeadHash: GENESIS_HASH, events: [] }));
    expect(verifyChain([auditEntry!])).toEqual({ ok: true });
  });

  it('announces each event on the topic and the audit entry on audit.entries, keyed by stream', () => {
    const plan = planDecision(input(approve, openStream));
    expect(plan.append?.outbox.map((m) => [m.topic, m.key, (m.payload as { type: string }).type])).toEqual([
      [TOPICS.deviceCertification, 'review:r1', 'ReviewApproved'],
      [TOPICS.auditEntries, 'review:r1', 'AuditEntryRecorded'],
    ]);
    expect(plan.append?.outbox[0].payload).toEqual({
      id: 'id-1',
      type: 'ReviewApproved',
      schemaVersion: 2,
      streamId: 'review:r1',
      streamType: 'review',
      version: 2,
      occurredAt: now.toISOString(),
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: context.actor,
      data: { reviewId: 'r1', approvedAt: now.toISOString(), note: 'fine' },
    });
    expect(plan.append?.outbox[1].payload).toMatchObject({ id: 'id-2', version: 2, data: plan.auditEntry });
  });

  it('writes no audit entry when the step opts out', () => {
    const plan = planDecision(input(approve, openStream, { audit: () => null }));
    expect(plan.auditEntry).toBeNull();
    expect(plan.append?.auditEntry).toBeUndefined();
    expect(plan.append?.outbox).toHaveLength(1);
  });

  it('plans nothing to write when the decider decides nothing', () => {
    const idle = { ...reviewDecider, decide: () => [] };
    const plan = planDecision(input(approve, openStream, { decider: idle }));
    expect(plan).toMatchObject({ version: 1, events: [], append: null, state: { status: 'open' } });
  });

  it('lets the domain error through, planning nothing', () => {
    const stream: StreamState = { position: 0, auditHeadHash: GENESIS_HASH, events: [] };
    expect(() => planDecision(input(approve, stream))).toThrow(expect.objectContaining({ code: 'REVIEW.NOT_OPEN' }));
  });

  it('stages the audit entry with its disclosure rows, and the entry and its announcement with the commitment only', () => {
    const sealed = { commitment: 'e'.repeat(64), ciphertext: 'st1.0000000000000000.aXY.dGFn.bm90ZQ' };
    const audit: DecisionInput<ReviewState, ReviewCommand, ReviewEvent>['audit'] = ({ state }) => ({
      actor: context.actor,
      action: 'review.approve',
      subject: 'device:r1',
      relatedSubjects: [],
      decision: state.status,
      evidence: { note: disclosable(sealed, { aad: 'review:r1#note', readers: ['physician:*'] }) },
    });
    const plan = planDecision(input(approve, openStream, { audit }));
    expect(plan.auditEntry?.entry.evidence).toEqual({ note: { commitment: sealed.commitment } });
    expect(plan.append?.disclosures).toEqual([{ path: '/evidence/note', ciphertext: sealed.ciphertext, aad: 'review:r1#note', pseudonym: null, readers: ['physician:*'] }]);
    expect(JSON.stringify(plan.append?.outbox)).not.toContain(sealed.ciphertext);
  });
});
