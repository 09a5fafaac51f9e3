import { GENESIS_HASH } from '@app/audit';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { auditEntryFor, fullAppend, newEvent } from '../fixtures/append.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventTypeRegistry } from '../upcasting/event-type-registry';
import { EventStore } from './event-store';

describe('EventStore.readStream (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('reads a missing stream as empty at version 0 with the genesis head', async () => {
    expect(await store.readStream('thing:none')).toEqual({ position: 0, auditHeadHash: GENESIS_HASH, events: [] });
  });

  it('reads back what was appended, in version order, with the audit head', async () => {
    const first = fullAppend('thing:read', 0, GENESIS_HASH);
    first.events.push(newEvent('ThingGrew', { size: 2 }));
    await store.appendToStream(first);
    const stream = await store.readStream('thing:read');
    expect(stream.position).toBe(2);
    expect(stream.auditHeadHash).toBe(first.auditEntry!.hash);
    expect(stream.events.map(({ version, type, data, id }) => ({ version, type, data, id }))).toEqual([
      { version: 1, type: 'ThingHappened', data: { n: 1 }, id: first.events[0].id },
      { version: 2, type: 'ThingGrew', data: { size: 2 }, id: first.events[1].id },
    ]);
    expect(stream.events[0]).toMatchObject({
      streamId: 'thing:read',
      streamType: 'thing',
      schemaVersion: 1,
      occurredAt: first.events[0].occurredAt,
      metadata: first.events[0].metadata,
    });
  });

  it('applies upcasters on read (stream and global reads), leaving the stored row as written', async () => {
    await store.appendToStream({
      streamId: 'thing:old',
      streamType: 'thing',
      expectedVersion: 0,
      events: [newEvent('ThingPriced', { price: 12.5 }, 1)],
      outbox: [],
    });
    const upcasting = new EventStore(
      db.dataSource,
      new EventTypeRegistry().upcaster('ThingPriced', 1, ({ price, ...rest }) => ({ ...rest, priceCents: Math.round(Number(price) * 100) })),
    );
    const [event] = (await upcasting.readStream('thing:old')).events;
    expect(event).toMatchObject({ type: 'ThingPriced', schemaVersion: 2, data: { priceCents: 1250 } });
    const global = (await upcasting.readAll({ limit: 10_000 })).find((e) => e.streamId === 'thing:old');
    expect(global).toMatchObject({ schemaVersion: 2, data: { priceCents: 1250 } });
    const [row] = await db.dataSource.query(`SELECT schema_version, data FROM events WHERE stream_id = 'thing:old'`);
    expect(row).toEqual({ schema_version: 1, data: { price: 12.5 } });
  });

  it('writes new events at the registry latest version', async () => {
    const registry = new EventTypeRegistry().upcaster('ThingPriced', 1, (data) => data);
    await new EventStore(db.dataSource, registry).appendToStream({
      streamId: 'thing:new-version',
      streamType: 'thing',
      expectedVersion: 0,
      events: [newEvent('ThingPriced', { priceCents: 100 })],
      outbox: [],
    });
    const [row] = await db.dataSource.query(`SELECT schema_version FROM events WHERE stream_id = 'thing:new-version'`);
    expect(row.schema_version).toBe(2);
  });

  it('keeps an audit-only stream at version 0 and lets its first events extend it', async () => {
    const refused = auditEntryFor('thing:audited', GENESIS_HASH, 0);
    await store.appendToStream({ streamId: 'thing:audited', streamType: 'thing', expectedVersion: 0, events: [], auditEntry: refused, outbox: [] });
    expect(await store.readStream('thing:audited')).toEqual({ position: 0, auditHeadHash: refused.hash, events: [] });

    const result = await store.appendToStream(fullAppend('thing:audited', 0, refused.hash));
    expect(result).toMatchObject({ nextVersion: 1, auditSeq: 2 });
    expect((await store.readStream('thing:audited')).events).toHaveLength(1);
  });

  it('extends an audit-only stream with events that carry no audit entry', async () => {
    await store.appendToStream({
      streamId: 'thing:attempted',
      streamType: 'thing',
      expectedVersion: 0,
      events: [],
      auditEntry: auditEntryFor('thing:attempted', GENESIS_HASH, 0),
      outbox: [],
    });
    const eventsOnly = { streamId: 'thing:attempted', streamType: 'thing', expectedVersion: 0, events: [newEvent('ThingHappened')], outbox: [] };
    expect(await store.appendToStream(eventsOnly)).toEqual({ nextVersion: 1, auditSeq: null });
    await expect(store.appendToStream({ ...eventsOnly, events: [newEvent('ThingHappened')] })).rejects.toMatchObject({
      code: 'CONCURRENCY.VERSION_CONFLICT',
    });
  });

  it('refuses an append with nothing in it', async () => {
    await expect(
      store.appendToStream({ streamId: 'thing:empty', streamType: 'thing', expectedVersion: 0, events: [], outbox: [] }),
    ).rejects.toThrow(/needs an event or an audit entry/);
  });
});
