import { GENESIS_HASH } from '@app/audit';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { AuditDisclosuresRepository } from '../disclosures/audit-disclosures.repository';
import { fullAppend } from '../fixtures/append.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from './event-store';
import type { AppendRequest, AuditDisclosureRow } from './event-store.types';
import { VersionConflictError } from './version-conflict.error';

const row = (n: number, pseudonym: string | null = null): AuditDisclosureRow => ({
  path: `/evidence/events/0/data/reasons/${n}`,
  ciphertext: `st1.0000000000000000.aXY.dGFn.${n}`,
  aad: `thing:x#reasons.${n}`,
  pseudonym,
  readers: pseudonym ? ['physician:10012345678'] : ['physician:*'],
});

/** fullAppend, its audit entry carrying texts kept for disclosure. */
const withTexts = (append: AppendRequest, ...disclosures: AuditDisclosureRow[]): AppendRequest => ({ ...append, disclosures });

describe('EventStore: an audit entry and its disclosure rows in one statement (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let repository: AuditDisclosuresRepository;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource, undefined, { concurrentAppends: 1 });
    repository = new AuditDisclosuresRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  const disclosureCount = async (): Promise<number> => (await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_disclosures`))[0].n;

  it('writes the rows with the entry, alone and in a caller’s transaction, and reads them back by entry', async () => {
    const first = withTexts(fullAppend('thing:alone', 0, GENESIS_HASH), row(0), row(1, 'p'.repeat(64)));
    await store.appendToStream(first);
    const head = (await store.readStream('thing:alone')).auditHeadHash;
    const second = withTexts(fullAppend('thing:alone', 1, head), row(0));
    await db.dataSource.transaction((manager) => store.appendToStream({ ...second, manager }));

    const [a, b] = [first.auditEntry!.entry.id, second.auditEntry!.entry.id];
    expect(await repository.findByEntries([b, a])).toEqual(
      [
        { entryId: a, ...row(0) },
        { entryId: a, ...row(1, 'p'.repeat(64)) },
        { entryId: b, ...row(0) },
      ].sort((x, y) => (x.entryId === y.entryId ? 0 : x.entryId < y.entryId ? -1 : 1)),
    );
    expect(await repository.findByEntries([])).toEqual([]);
  });

  it('writes nothing of a conflicting append, its rows included', async () => {
    await store.appendToStream(fullAppend('thing:conflict', 0, GENESIS_HASH));
    const before = await disclosureCount();
    await expect(store.appendToStream(withTexts(fullAppend('thing:conflict', 0, GENESIS_HASH), row(0)))).rejects.toBeInstanceOf(VersionConflictError);
    await expect(
      db.dataSource.transaction((manager) => store.appendToStream({ ...withTexts(fullAppend('thing:conflict', 5, GENESIS_HASH), row(0)), manager })),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await disclosureCount()).toBe(before);
  });

  it('writes each winner’s rows when appends are written together, and none of a loser’s', async () => {
    const streams = Array.from({ length: 6 }, (_, i) => `thing:together-${i}`);
    await Promise.all(streams.map((id) => store.appendToStream(fullAppend(id, 0, GENESIS_HASH))));
    const heads = await Promise.all(streams.map(async (id) => (await store.readStream(id)).auditHeadHash));
    const appends = streams.map((id, i) => withTexts(fullAppend(id, i === 5 ? 4 : 1, heads[i]), row(i), row(i + 10)));
    const outcomes = await Promise.allSettled(appends.map((append) => store.appendToStream(append)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    // One statement at a time: the first went alone, the others waited and shared statements.
    const [{ n }] = await db.dataSource.query(`SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1) AND version = 2`, [streams]);
    expect(n).toBeLessThan(5);
    const found = await repository.findByEntries(appends.map((append) => append.auditEntry!.entry.id));
    expect(found).toHaveLength(10);
    for (const [i, append] of appends.slice(0, 5).entries()) {
      expect(found.filter((r) => r.entryId === append.auditEntry!.entry.id).map((r) => r.path).sort()).toEqual([row(i).path, row(i + 10).path].sort());
    }
  });

  it('writes no row for an append without an audit entry, whatever it was given', async () => {
    const before = await disclosureCount();
    const { auditEntry: _none, ...eventOnly } = fullAppend('thing:no-audit', 0, GENESIS_HASH);
    await store.appendToStream(withTexts({ ...eventOnly, outbox: [] }, row(0)));
    expect(await disclosureCount()).toBe(before);
  });
});
