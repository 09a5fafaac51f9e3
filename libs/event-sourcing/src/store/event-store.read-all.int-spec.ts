import { GENESIS_HASH } from '@app/audit';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import type { QueryRunner } from 'typeorm';
import { fullAppend } from '../fixtures/append.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from './event-store';
import type { StoredEvent } from './event-store.types';

/*
 * The snapshot's xmin is cluster-wide: a transaction of another test running
 * at the same time can hold it back for a moment, so "eventually visible" is
 * polled while "never visible too early" is asserted outright.
 */
describe('EventStore.readAll never skips a late commit (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const open: QueryRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource);
  });
  afterEach(async () => {
    for (const runner of open.splice(0)) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
  afterAll(() => db.drop());

  async function begin(): Promise<QueryRunner> {
    const runner = db.dataSource.createQueryRunner();
    open.push(runner);
    await runner.startTransaction();
    return runner;
  }

  async function readAllEventually(after: number, count: number): Promise<StoredEvent[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const events = await store.readAll({ after });
      if (events.length >= count || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const ids = (events: StoredEvent[]) => events.map((event) => event.streamId);

  it('holds back an event committed after a lower-numbered one that is still in flight, then returns both in order', async () => {
    const start = (await readAllEventually(0, 0)).at(-1)?.globalPosition ?? 0;
    const slow = await begin();
    await store.appendToStream({ ...fullAppend('thing:slow', 0, GENESIS_HASH), manager: slow.manager });
    await store.appendToStream(fullAppend('thing:fast', 0, GENESIS_HASH));

    const [fast] = (await db.dataSource.query(`SELECT global_position FROM events WHERE stream_id = 'thing:fast'`)) as Array<{
      global_position: string;
    }>;
    const [slowRow] = (await slow.query(`SELECT global_position FROM events WHERE stream_id = 'thing:slow'`)) as Array<{
      global_position: string;
    }>;
    expect(Number(slowRow.global_position)).toBeLessThan(Number(fast.global_position));
    expect(ids(await store.readAll({ after: start }))).toEqual([]);

    await slow.commitTransaction();
    expect(ids(await readAllEventually(start, 2))).toEqual(['thing:slow', 'thing:fast']);
  });

  it('never skips a lower position committed after a reader already passed a higher one', async () => {
    const start = (await readAllEventually(0, 0)).at(-1)?.globalPosition ?? 0;
    // `early` takes its transaction id first but appends last; `late` appends (lower position) in between.
    const early = await begin();
    await early.query('SELECT pg_current_xact_id()');
    const late = await begin();
    await store.appendToStream({ ...fullAppend('thing:late', 0, GENESIS_HASH), manager: late.manager });
    await store.appendToStream({ ...fullAppend('thing:early', 0, GENESIS_HASH), manager: early.manager });
    await early.commitTransaction();

    // `late` is still in flight, so xmin is at most its id and `early` (an older id) may be read.
    const firstRead = await readAllEventually(start, 1);
    expect(ids(firstRead)).toEqual(['thing:early']);
    await late.commitTransaction();

    // A reader ordered by position alone would now resume after `early` and never see `late`.
    expect(ids(await readAllEventually(firstRead[0].globalPosition, 1))).toEqual(['thing:late']);
  });

  it('pages with after/limit without gaps or repeats', async () => {
    const start = (await readAllEventually(0, 0)).at(-1)?.globalPosition ?? 0;
    for (let i = 0; i < 5; i += 1) await store.appendToStream(fullAppend(`thing:page-${i}`, 0, GENESIS_HASH));
    await readAllEventually(start, 5);
    const seen: string[] = [];
    for (let after = start; ; ) {
      const page = await store.readAll({ after, limit: 2 });
      if (page.length === 0) break;
      seen.push(...ids(page));
      after = page[page.length - 1].globalPosition;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `thing:page-${i}`));
  });
});
