import { GENESIS_HASH, verifyChain } from '@app/audit';
import { DomainError, TOPICS } from '@app/contracts';
import { OutboxSignal } from '@app/messaging';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { fullAppend, testSigningKey as signingKey } from '../fixtures/append.fixture';
import { CREATE_REVIEWS, reviewAggregate } from '../fixtures/review.aggregate';
import type { ReviewCommand } from '../fixtures/review.decider';
import { tableCounts } from '../fixtures/table-counts.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from '../store/event-store';
import { VersionConflictError } from '../store/version-conflict.error';
import { AuditTrailVerifier } from '../verification/audit-trail-verifier';
import type { CommandAnswers, CommandOutcome } from './command-answers';
import type { CommandContext } from './command-context';
import { CommandPipeline } from './command-pipeline';
import type { Transaction } from './transaction';

describe('CommandPipeline (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let pipeline: CommandPipeline;
  let wakeUps = 0;
  const signal = new OutboxSignal();
  signal.subscribe(() => (wakeUps += 1));

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    await db.dataSource.query(CREATE_REVIEWS);
    store = new EventStore(db.dataSource);
    pipeline = new CommandPipeline(db.dataSource, store, { service: 'device-certification' }, signingKey, signal);
  });
  afterAll(() => db.drop());

  const context = (): CommandContext => ({
    actor: { id: 'evaluator-7', role: 'evaluator' },
    correlationId: uuidv7(),
    causationId: null,
    now: new Date(),
  });
  const open = (id: string): ReviewCommand => ({ type: 'OpenReview', reviewId: id, now: new Date() });
  const approve = (id: string, note = 'ok'): ReviewCommand => ({ type: 'ApproveReview', reviewId: id, note, now: new Date() });
  const run = (id: string, command: ReviewCommand, on = pipeline) =>
    on.run(reviewAggregate(), { streamId: `review:${id}`, command, context: context() });

  it('writes the events, the chained audit entry, the outbox rows and the read model of each step, then wakes the relay', async () => {
    const id = uuidv7();
    const before = wakeUps;
    await run(id, open(id));
    const answered = await run(id, approve(id));

    expect(answered).toEqual({ id: `review:${id}`, status: 'approved', version: 2 });
    expect(wakeUps - before).toBe(2);
    const stream = await store.readStream(`review:${id}`);
    expect(stream.events.map((e) => [e.type, e.schemaVersion])).toEqual([
      ['ReviewOpened', 1],
      ['ReviewApproved', 2],
    ]);
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
      ['review.events.v1', 'ReviewOpened', 1],
      [TOPICS.auditEntries, 'AuditEntryRecorded', 1],
      ['review.events.v1', 'ReviewApproved', 2],
      [TOPICS.auditEntries, 'AuditEntryRecorded', 2],
    ]);
    expect(outbox[2].payload).toMatchObject({ id: stream.events[1].id, schemaVersion: 2 });
    expect(outbox[3].payload.data).toEqual({ entry: audit[1].entry, hash: audit[1].hash });
  });

  it('writes nothing when the decider refuses', async () => {
    const before = await tableCounts(db.dataSource);
    const id = uuidv7();
    await expect(run(id, approve(id))).rejects.toMatchObject({ code: 'REVIEW.NOT_OPEN' });
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('writes nothing when the caller is not admitted, and decides nothing', async () => {
    const id = uuidv7();
    await run(id, open(id));
    const before = await tableCounts(db.dataSource);
    const hidden = new DomainError('REVIEW.NOT_FOUND', 'not found', 'not_found');
    const refused = pipeline.run(reviewAggregate({ admit: async () => Promise.reject(hidden) }), {
      streamId: `review:${id}`,
      command: approve(id),
      context: context(),
    });
    await expect(refused).rejects.toBe(hidden);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('rolls the append back when the projection fails: the read model and the stream never disagree', async () => {
    const before = await tableCounts(db.dataSource);
    const id = uuidv7();
    const failing = reviewAggregate({ project: async () => Promise.reject(new Error('read model unavailable')) });
    await expect(pipeline.run(failing, { streamId: `review:${id}`, command: open(id), context: context() })).rejects.toThrow(
      'read model unavailable',
    );
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

  it('refuses, writing nothing, a step whose message the broker would not take: 413 REQUEST.TOO_LARGE, the stream still usable', async () => {
    const small = new CommandPipeline(
      db.dataSource,
      new EventStore(db.dataSource, undefined, { maxMessageBytes: 2_048 }),
      { service: 'device-certification' },
      signingKey,
    );
    const id = uuidv7();
    await run(id, open(id), small);
    const before = await tableCounts(db.dataSource);
    await expect(run(id, approve(id, 'n'.repeat(3_000)), small)).rejects.toMatchObject({
      code: 'REQUEST.TOO_LARGE',
      kind: 'too_large',
      message: expect.stringContaining('at most 2048 bytes can be published'),
    });
    expect(await tableCounts(db.dataSource)).toEqual(before);
    // Nothing staged, so nothing wedges the stream's outbox: the next step goes through.
    await expect(run(id, approve(id, 'short'), small)).resolves.toMatchObject({ status: 'approved', version: 2 });
  });

  it('refuses an oversized message on a direct append too (autocommit path)', async () => {
    const before = await tableCounts(db.dataSource);
    const append = fullAppend('thing:huge', 0, GENESIS_HASH);
    append.outbox.push({ topic: 'things.events.v1', key: 'thing:huge', payload: { blob: 'x'.repeat(1_000_000) } });
    await expect(store.appendToStream(append)).rejects.toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('joins a transaction its caller owns: nothing is written when that rolls back, and the wake-up is the caller’s', async () => {
    const before = await tableCounts(db.dataSource);
    const wakeUpsBefore = wakeUps;
    const id = uuidv7();
    await expect(
      db.dataSource.transaction(async (tx) => {
        await pipeline.within(tx).execute(reviewAggregate(), { streamId: `review:${id}`, command: open(id), context: context() });
        throw new Error('consumer failed after the append');
      }),
    ).rejects.toThrow('consumer failed');
    expect(await tableCounts(db.dataSource)).toEqual(before);
    expect(wakeUps).toBe(wakeUpsBefore);
  });

  describe('on a version conflict', () => {
    /** A pipeline whose store lets another writer move the stream between its read and its append, `times` times. */
    function racedPipeline(times: number, options: { conflictRetries?: number } = {}): CommandPipeline {
      let races = 0;
      const racing = new EventStore(db.dataSource);
      const readStream = racing.readStream.bind(racing);
      racing.readStream = async (streamId, readOptions) => {
        const stream = await readStream(streamId, readOptions);
        if (races < times) {
          races += 1;
          // Another writer moves the stream meanwhile (its own transaction, committed).
          await store.appendToStream(fullAppend(streamId, stream.position, stream.auditHeadHash));
        }
        return stream;
      };
      return new CommandPipeline(db.dataSource, racing, { service: 'device-certification', ...options }, signingKey);
    }

    async function openReview(): Promise<string> {
      const id = uuidv7();
      await run(id, open(id));
      return id;
    }

    it('decides again on the new state and succeeds, the stream then holding both writers’ steps', async () => {
      const id = await openReview();
      const answered = await run(id, approve(id, 'second'), racedPipeline(2));
      expect(answered).toMatchObject({ status: 'approved', version: 4 });
      const stream = await store.readStream(`review:${id}`);
      expect(stream.events.map((e) => e.type)).toEqual(['ReviewOpened', 'ThingHappened', 'ThingHappened', 'ReviewApproved']);
      expect(await new AuditTrailVerifier(store).verifyStream(`review:${id}`)).toMatchObject({ ok: true, entries: 4 });
    });

    it('gives up with a 409 after its bounded retries, writing nothing of its own', async () => {
      const id = await openReview();
      await expect(run(id, approve(id, 'second'), racedPipeline(3, { conflictRetries: 2 }))).rejects.toBeInstanceOf(VersionConflictError);
      const stream = await store.readStream(`review:${id}`);
      expect(stream.events.map((e) => e.type)).toEqual(['ReviewOpened', 'ThingHappened', 'ThingHappened', 'ThingHappened']);
    });
  });

  describe('a refusal that is audited', () => {
    const attemptDraft = (attempt: string) => ({
      actor: { id: 'physician-2', role: 'physician' as const },
      action: 'prescription.refused',
      subject: attempt as `attempt:${string}`,
      relatedSubjects: [],
      decision: 'REFUSED',
      evidence: { rule: 'HAS-HF-02' },
      rulesVersion: 'has-2024.1',
    });

    it('commits the audit entry alone on its stream, published on audit.entries, then throws the refusal', async () => {
      const attempt = `attempt:${uuidv7()}`;
      const refusal = new DomainError('PRESCRIPTION.RULES_REFUSED', 'refused', 'rule');
      const refuse = () =>
        pipeline.transaction((unit) => unit.refuse(refusal, { streamId: attempt, streamType: 'attempt', draft: attemptDraft(attempt), context: context() }));
      const wakeUpsBefore = wakeUps;
      await expect(refuse()).rejects.toBe(refusal);
      await expect(refuse()).rejects.toBe(refusal);

      expect(wakeUps - wakeUpsBefore).toBe(2);
      const stream = await store.readStream(attempt);
      expect(stream).toMatchObject({ position: 0, events: [] });
      expect(await new AuditTrailVerifier(store).verifyStream(attempt)).toEqual({ ok: true, streamId: attempt, entries: 2 });
      const outbox = await db.dataSource.query(`SELECT topic, payload FROM outbox WHERE message_key = $1 ORDER BY position`, [attempt]);
      expect(outbox.map((o: { topic: string }) => o.topic)).toEqual([TOPICS.auditEntries, TOPICS.auditEntries]);
      expect(outbox[1].payload).toMatchObject({ type: 'AuditEntryRecorded', streamId: attempt, data: { hash: stream.auditHeadHash } });
    });
  });

  describe('the stored answer (CommandAnswers)', () => {
    /** Keeps the answer in a table of its own, in the command's transaction, as the service kit's Idempotency-Key store does. */
    class TableAnswers implements CommandAnswers {
      constructor(private readonly key: string) {}
      async claim(tx: Transaction): Promise<void> {
        const claimed = await tx.query(`INSERT INTO answers (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`, [this.key]);
        if (claimed.length === 0) throw new Error('already answered');
      }
      async record(tx: Transaction, outcome: CommandOutcome): Promise<void> {
        const answer = 'value' in outcome ? outcome.value : { error: (outcome.error as Error).message };
        await tx.query(`UPDATE answers SET answer = $2 WHERE key = $1`, [this.key, JSON.stringify(answer)]);
      }
    }

    beforeAll(() => db.dataSource.query(`CREATE TABLE answers (key text PRIMARY KEY, answer jsonb)`));
    const withAnswers = (key: string) => new CommandPipeline(db.dataSource, store, { service: 'device-certification' }, signingKey, signal, new TableAnswers(key));
    const answerOf = async (key: string) => (await db.dataSource.query(`SELECT answer FROM answers WHERE key = $1`, [key]))[0]?.answer;

    it('commits the answer with the command, and a second attempt of the same request decides nothing', async () => {
      const id = uuidv7();
      const key = uuidv7();
      const answered = await run(id, open(id), withAnswers(key));
      expect(await answerOf(key)).toEqual(answered);
      const before = await tableCounts(db.dataSource);
      await expect(run(id, open(id), withAnswers(key))).rejects.toThrow('already answered');
      expect(await tableCounts(db.dataSource)).toEqual(before);
    });

    it('commits an audited refusal’s answer with its audit entry', async () => {
      const key = uuidv7();
      const attempt = `attempt:${uuidv7()}`;
      const refusal = new DomainError('PRESCRIPTION.RULES_REFUSED', 'the referential refuses it', 'rule');
      const draft = { actor: context().actor, action: 'prescription.refused', subject: attempt as `attempt:${string}`, relatedSubjects: [], decision: 'REFUSED', evidence: {} };
      await expect(
        withAnswers(key).transaction((unit) => unit.refuse(refusal, { streamId: attempt, streamType: 'attempt', draft, context: context() })),
      ).rejects.toBe(refusal);
      expect(await answerOf(key)).toEqual({ error: 'the referential refuses it' });
    });

    it('keeps no answer when the command rolls back', async () => {
      const id = uuidv7();
      const key = uuidv7();
      await expect(run(id, approve(id), withAnswers(key))).rejects.toMatchObject({ code: 'REVIEW.NOT_OPEN' });
      expect(await answerOf(key)).toBeUndefined();
    });
  });
});
