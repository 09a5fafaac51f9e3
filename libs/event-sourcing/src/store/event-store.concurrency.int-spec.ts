import { GENESIS_HASH } from '@app/audit';
import { ERROR_CODES } from '@app/contracts';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { fullAppend } from '../fixtures/append.fixture';
import { tableCounts, waitUntilBlocking } from '../fixtures/table-counts.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from './event-store';
import { VersionConflictError } from './version-conflict.error';

describe('EventStore optimistic concurrency (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 10);
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  async function settle(appends: Array<Promise<unknown>>): Promise<{ won: number; conflicts: number }> {
    const results = await Promise.allSettled(appends);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const { reason } of failures) expect(reason).toBeInstanceOf(VersionConflictError);
    return { won: results.length - failures.length, conflicts: failures.length };
  }

  it.each([
    ['a new stream', 0],
    ['an existing stream', 1],
  ])('two overlapping appends to %s at the same expected version: one wins, the other gets the 409', async (_, version) => {
    const streamId = `thing:overlap-${version}`;
    let head = GENESIS_HASH;
    if (version > 0) {
      await store.appendToStream(fullAppend(streamId, 0, head));
      head = (await store.readStream(streamId)).auditHeadHash;
    }

    const { secondOutcome } = await db.dataSource.transaction(async (manager) => {
      await store.appendToStream({ ...fullAppend(streamId, version, head), manager });
      const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
      // The second append starts while the first is written but not committed, and waits on its lock.
      const second = store.appendToStream(fullAppend(streamId, version, head));
      await waitUntilBlocking(db.dataSource, pid);
      return { secondOutcome: second.then(() => null, (e: unknown) => e) };
    });

    const error = await secondOutcome;
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ code: ERROR_CODES.versionConflict, kind: 'conflict', streamId });
    expect((await store.readStream(streamId)).position).toBe(version + 1);
  });

  it('100 concurrent appends to a new stream: exactly one wins, 99 conflicts, one set of rows', async () => {
    const before = await tableCounts(db.dataSource);
    const outcome = await settle(
      Array.from({ length: 100 }, () => store.appendToStream(fullAppend('thing:hundred-new', 0, GENESIS_HASH))),
    );
    expect(outcome).toEqual({ won: 1, conflicts: 99 });
    const after = await tableCounts(db.dataSource);
    expect(after).toEqual({ streams: before.streams + 1, events: before.events + 1, audit: before.audit + 1, outbox: before.outbox + 2 });
  });

  it('100 concurrent appends to an existing stream: exactly one wins, 99 conflicts', async () => {
    await store.appendToStream(fullAppend('thing:hundred-old', 0, GENESIS_HASH));
    const { auditHeadHash } = await store.readStream('thing:hundred-old');
    const outcome = await settle(
      Array.from({ length: 100 }, () => store.appendToStream(fullAppend('thing:hundred-old', 1, auditHeadHash))),
    );
    expect(outcome).toEqual({ won: 1, conflicts: 99 });
    const stream = await store.readStream('thing:hundred-old');
    expect(stream.events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('refuses an audit entry that does not extend the stream head, writing nothing', async () => {
    await store.appendToStream(fullAppend('thing:fork', 0, GENESIS_HASH));
    const before = await tableCounts(db.dataSource);
    await expect(store.appendToStream(fullAppend('thing:fork', 1, GENESIS_HASH))).rejects.toBeInstanceOf(VersionConflictError);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });
});
