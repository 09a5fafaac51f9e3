import { GENESIS_HASH } from '@app/audit';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { auditEntryFor, fullAppend, newEvent } from '../fixtures/append.fixture';
import { tableCounts } from '../fixtures/table-counts.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { AuditTrailVerifier } from '../verification/audit-trail-verifier';
import { EventStore } from './event-store';
import type { AppendRequest } from './event-store.types';
import { VersionConflictError } from './version-conflict.error';

/*
 * One statement in flight at a time: the first append goes alone, and all
 * those submitted with it wait and are written together by the next
 * statement(s), which is what a busy service's appends go through.
 */
describe('EventStore appends written together (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource, undefined, { concurrentAppends: 1 });
  });
  afterAll(() => db.drop());

  /** Streams with one event each, their heads as a command would read them. */
  async function existing(prefix: string, count: number): Promise<Array<{ id: string; head: string }>> {
    const streams = Array.from({ length: count }, (_, i) => `thing:${prefix}-${i}`);
    await Promise.all(streams.map((id) => store.appendToStream(fullAppend(id, 0, GENESIS_HASH))));
    return Promise.all(streams.map(async (id) => ({ id, head: (await store.readStream(id)).auditHeadHash })));
  }

  const settle = async (appends: AppendRequest[]) =>
    (await Promise.allSettled(appends.map((append) => store.appendToStream(append)))).map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value : outcome.reason,
    );

  /** How many transactions wrote the first events of these streams (fewer than streams: they shared statements). */
  const transactionsOf = async (streams: string[]): Promise<number> =>
    (await db.dataSource.query(`SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1) AND version = 2`, [streams]))[0].n;

  it('keeps each append its own guards and outcome', async () => {
    const extended = await existing('extended', 20);
    const stale = await existing('stale', 5);
    const forked = await existing('forked', 5);
    const [recreated] = await existing('recreated', 1);
    await store.appendToStream({ streamId: 'thing:audit-only', streamType: 'thing', expectedVersion: 0, events: [], auditEntry: auditEntryFor('thing:audit-only', GENESIS_HASH, 0), outbox: [] });
    const auditOnlyHead = (await store.readStream('thing:audit-only')).auditHeadHash;
    const created = Array.from({ length: 10 }, (_, i) => `thing:created-${i}`);
    const before = await tableCounts(db.dataSource);
    const start = (await store.readAll({ limit: 100_000 })).at(-1)?.globalPosition ?? 0;

    const outcomes = await settle([
      ...extended.map(({ id, head }) => fullAppend(id, 1, head)),
      ...stale.map(({ id, head }) => fullAppend(id, 2, head)),
      ...forked.map(({ id }) => fullAppend(id, 1, GENESIS_HASH)),
      ...created.map((id) => fullAppend(id, 0, GENESIS_HASH)),
      fullAppend(recreated.id, 0, GENESIS_HASH),
      fullAppend('thing:audit-only', 0, auditOnlyHead),
    ]);

    expect(outcomes.slice(0, 20)).toEqual(extended.map(() => ({ nextVersion: 2, auditSeq: 2 })));
    for (const outcome of outcomes.slice(20, 30)) expect(outcome).toBeInstanceOf(VersionConflictError);
    expect(outcomes.slice(30, 40)).toEqual(created.map(() => ({ nextVersion: 1, auditSeq: 1 })));
    expect(outcomes[40]).toBeInstanceOf(VersionConflictError);
    expect(outcomes[41]).toEqual({ nextVersion: 1, auditSeq: 2 });

    // Exactly the winners' rows: 31 appends of one event, one audit entry and two messages; 10 new streams.
    expect(await tableCounts(db.dataSource)).toEqual({
      streams: before.streams + 10,
      events: before.events + 31,
      audit: before.audit + 31,
      outbox: before.outbox + 62,
    });
    expect(await transactionsOf(extended.map((s) => s.id))).toBeLessThan(5);
    for (const { id } of [...stale, ...forked]) expect((await store.readStream(id)).position).toBe(1);
    expect(await new AuditTrailVerifier(store).verifyAll()).toMatchObject({ ok: true });

    const outbox: Array<{ message_key: string; topic: string }> = await db.dataSource.query(
      `SELECT message_key, topic FROM outbox WHERE message_key = ANY($1) ORDER BY position`,
      [created],
    );
    for (const id of created) {
      expect(outbox.filter((row) => row.message_key === id).map((row) => row.topic)).toEqual(['device-certification.events.v1', 'audit.entries.v1']);
    }
    const read = (await store.readAll({ after: start, limit: 100_000 })).filter((e) => e.streamId.startsWith('thing:extended-'));
    expect(read.map((e) => e.streamId).sort()).toEqual(extended.map((s) => s.id).sort());
  });

  it('fails only the append whose rows Postgres refuses; the others it was written with are kept', async () => {
    const streams = Array.from({ length: 8 }, (_, i) => `thing:poisoned-${i}`);
    const appends = streams.map((id) => fullAppend(id, 0, GENESIS_HASH));
    // jsonb has no NUL character: this event cannot be stored.
    appends[5].events[0] = newEvent('ThingHappened', { note: 'nul \u0000 here' });
    const before = await tableCounts(db.dataSource);

    const outcomes = await settle(appends);

    expect(outcomes[5]).toMatchObject({ code: '22P05' });
    expect(outcomes.filter((_, i) => i !== 5)).toEqual(streams.slice(1).map(() => ({ nextVersion: 1, auditSeq: 1 })));
    expect(await tableCounts(db.dataSource)).toEqual({
      streams: before.streams + 7,
      events: before.events + 7,
      audit: before.audit + 7,
      outbox: before.outbox + 14,
    });
    expect((await store.readStream(streams[5])).position).toBe(0);
  });

  it('never writes two appends to one stream together: of ten at one expected version, one wins', async () => {
    const [contended] = await existing('contended', 1);
    const others = await existing('bystander', 10);
    const outcomes = await settle([
      ...Array.from({ length: 10 }, () => fullAppend(contended.id, 1, contended.head)),
      ...others.map(({ id, head }) => fullAppend(id, 1, head)),
    ]);
    const contendedOutcomes = outcomes.slice(0, 10);
    expect(contendedOutcomes.filter((o) => o instanceof VersionConflictError)).toHaveLength(9);
    expect(contendedOutcomes.filter((o) => !(o instanceof VersionConflictError))).toEqual([{ nextVersion: 2, auditSeq: 2 }]);
    expect(outcomes.slice(10)).toEqual(others.map(() => ({ nextVersion: 2, auditSeq: 2 })));
    expect((await store.readStream(contended.id)).events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('does not make the appends it writes together wait for a stream that another transaction holds', async () => {
    const [held] = await existing('held', 1);
    const free = await existing('free', 6);
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await store.appendToStream({ ...fullAppend(held.id, 1, held.head), manager: holder.manager });
      // The first goes alone; the others, the held stream's among them, wait and go together.
      const [first, ...rest] = free.map(({ id, head }) => store.appendToStream(fullAppend(id, 1, head)));
      const heldAgain = store.appendToStream(fullAppend(held.id, 1, held.head)).catch((error: unknown) => error);
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the shared statement waited for the lock')), 10_000).unref());
      const freed = await Promise.race([Promise.all([first, ...rest]), timeout]);
      expect(freed).toEqual(free.map(() => ({ nextVersion: 2, auditSeq: 2 })));
      await holder.commitTransaction();
      expect(await heldAgain).toBeInstanceOf(VersionConflictError);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await store.readStream(held.id)).position).toBe(2);
  });
});
