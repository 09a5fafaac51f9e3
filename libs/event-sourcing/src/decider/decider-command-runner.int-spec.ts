import { GENESIS_HASH, verifyChain } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { OutboxSignal } from '@app/messaging';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { fullAppend } from '../fixtures/append.fixture';
import { type ReviewCommand, type ReviewEvent, type ReviewState, reviewDecider } from '../fixtures/review.decider';
import { tableCounts } from '../fixtures/table-counts.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from '../store/event-store';
import { VersionConflictError } from '../store/version-conflict.error';
import { AuditTrailVerifier } from '../verification/audit-trail-verifier';
import type { CommandContext } from './command-context';
import { type DeciderRun, DeciderCommandRunner } from './decider-command-runner';

describe('DeciderCommandRunner (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let runner: DeciderCommandRunner;
  let wakeUps = 0;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource);
    const signal = new OutboxSignal();
    signal.subscribe(() => (wakeUps += 1));
    runner = new DeciderCommandRunner(store, { service: 'device-certification' }, signal);
  });
  afterAll(() => db.drop());

  const context = (): CommandContext => ({
    actor: { id: 'evaluator-7', role: 'evaluator' },
    correlationId: uuidv7(),
    causationId: null,
    now: new Date(),
  });

  const run = (reviewId: string, command: ReviewCommand, extra: Partial<DeciderRun<ReviewState, ReviewCommand, ReviewEvent>> = {}) =>
    runner.run({
      decider: reviewDecider,
      command,
      context: context(),
      streamId: `review:${reviewId}`,
      streamType: 'review',
      topic: TOPICS.deviceCertification,
      audit: ({ state, version }) => ({
        actor: { id: 'evaluator-7', role: 'evaluator' },
        action: `review.${command.type}`,
        subject: `device:${reviewId}`,
        relatedSubjects: [],
        decision: state.status,
        evidence: { version },
      }),
      ...extra,
    });

  it('writes the events, the chained audit entry and the outbox rows of each step, then wakes the relay', async () => {
    const id = uuidv7();
    const before = wakeUps;
    await run(id, { type: 'OpenReview', reviewId: id, now: new Date() });
    const result = await run(id, { type: 'ApproveReview', reviewId: id, note: 'ok', now: new Date() });

    expect(result).toMatchObject({ version: 2, state: { status: 'approved', approvals: 1 } });
    expect(wakeUps - before).toBe(2);
    const stream = await store.readStream(`review:${id}`);
    expect(stream.events.map((e) => e.type)).toEqual(['ReviewOpened', 'ReviewApproved']);
    const audit = await db.dataSource.query(`SELECT seq, entry, hash FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [
      `review:${id}`,
    ]);
    expect(audit.map((a: { seq: number }) => a.seq)).toEqual([1, 2]);
    expect(verifyChain(audit)).toEqual({ ok: true });
    expect(audit[1].entry).toMatchObject({ service: 'device-certification', streamVersion: 2, decision: 'approved' });

    const outbox = await db.dataSource.query(`SELECT topic, message_key, payload FROM outbox WHERE message_key = $1 ORDER BY position`, [
      `review:${id}`,
    ]);
    expect(outbox.map((o: { topic: string; payload: { type: string; version: number } }) => [o.topic, o.payload.type, o.payload.version])).toEqual([
      [TOPICS.deviceCertification, 'ReviewOpened', 1],
      [TOPICS.auditEntries, 'AuditEntryRecorded', 1],
      [TOPICS.deviceCertification, 'ReviewApproved', 2],
      [TOPICS.auditEntries, 'AuditEntryRecorded', 2],
    ]);
    expect(outbox[2].payload.id).toBe(stream.events[1].id);
    expect(outbox[3].payload.data).toEqual({ entry: audit[1].entry, hash: audit[1].hash });
  });

  it('writes nothing when the decider refuses', async () => {
    const before = await tableCounts(db.dataSource);
    const id = uuidv7();
    await expect(run(id, { type: 'ApproveReview', reviewId: id, note: 'x', now: new Date() })).rejects.toMatchObject({
      code: 'REVIEW.NOT_OPEN',
    });
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('writes nothing when one part of the append fails (all or nothing in one statement)', async () => {
    const before = await tableCounts(db.dataSource);
    const broken = fullAppend('thing:broken', 0, GENESIS_HASH);
    // The last CTE fails (outbox topic is NOT NULL) after the stream, event and audit rows were inserted.
    broken.outbox.push({ topic: null as unknown as string, key: 'thing:broken', payload: {} });
    await expect(store.appendToStream(broken)).rejects.toThrow(/topic/);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('writes nothing when the caller transaction it joined rolls back, and leaves the wake-up to that caller', async () => {
    const before = await tableCounts(db.dataSource);
    const wakeUpsBefore = wakeUps;
    const id = uuidv7();
    await expect(
      db.dataSource.transaction(async (manager) => {
        await run(id, { type: 'OpenReview', reviewId: id, now: new Date() }, { manager });
        throw new Error('consumer failed after the append');
      }),
    ).rejects.toThrow('consumer failed');
    expect(await tableCounts(db.dataSource)).toEqual(before);
    expect(wakeUps).toBe(wakeUpsBefore);
  });

  describe('on a version conflict', () => {
    /** A store that lets another writer move the stream between this runner's read and append, once. */
    function racedRunner(): DeciderCommandRunner {
      let raced = false;
      const racing = new EventStore(db.dataSource);
      const readStream = racing.readStream.bind(racing);
      racing.readStream = async (streamId, options) => {
        const stream = await readStream(streamId, options);
        if (!raced) {
          raced = true;
          await run(streamId.split(':')[1], { type: 'ApproveReview', reviewId: 'other', note: 'first', now: new Date() });
        }
        return stream;
      };
      return new DeciderCommandRunner(racing, { service: 'device-certification' });
    }

    async function openReview(): Promise<string> {
      const id = uuidv7();
      await run(id, { type: 'OpenReview', reviewId: id, now: new Date() });
      return id;
    }

    const approveWith = (raced: DeciderCommandRunner, id: string, retries?: number) =>
      raced.run({
        decider: reviewDecider,
        command: { type: 'ApproveReview', reviewId: id, note: 'second', now: new Date() },
        context: context(),
        streamId: `review:${id}`,
        streamType: 'review',
        topic: TOPICS.deviceCertification,
        audit: () => null,
        retries,
      });

    it('surfaces the 409 by default, writing nothing of its own', async () => {
      const id = await openReview();
      await expect(approveWith(racedRunner(), id)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.readStream(`review:${id}`)).position).toBe(2);
    });

    it('reloads and decides again when the caller opts in (here the domain then refuses)', async () => {
      const id = await openReview();
      // The second decision sees the approval that won the race: the review is no longer open.
      await expect(approveWith(racedRunner(), id, 2)).rejects.toMatchObject({ code: 'REVIEW.NOT_OPEN' });
    });
  });

  describe('recordAudit', () => {
    it('chains audit entries alone on an attempt stream, published on audit.entries, with no event', async () => {
      const attempt = `attempt:${uuidv7()}`;
      const draft = {
        actor: { id: 'physician-2', role: 'physician' as const },
        action: 'prescription.issue',
        subject: attempt as `attempt:${string}`,
        relatedSubjects: [],
        decision: 'refused',
        evidence: { rule: 'HAS-HF-02' },
        rulesVersion: 'has-2024.1',
      };
      const first = await runner.recordAudit({ streamId: attempt, streamType: 'attempt', draft, context: context() });
      const second = await runner.recordAudit({ streamId: attempt, streamType: 'attempt', draft, context: context() });

      expect(second.entry.prevHash).toBe(first.hash);
      expect(await store.readStream(attempt)).toEqual({ position: 0, auditHeadHash: second.hash, events: [] });
      expect(await new AuditTrailVerifier(store).verifyStream(attempt)).toEqual({ ok: true, streamId: attempt, entries: 2 });
      const outbox = await db.dataSource.query(`SELECT topic, payload FROM outbox WHERE message_key = $1 ORDER BY position`, [attempt]);
      expect(outbox.map((o: { topic: string }) => o.topic)).toEqual([TOPICS.auditEntries, TOPICS.auditEntries]);
      expect(outbox[0].payload).toMatchObject({ id: first.entry.id, type: 'AuditEntryRecorded', streamId: attempt, data: first });
    });
  });
});
