/*
 * npm run bench:event-store
 *
 * (a) the full append of a command creating its stream: one event, its chained
 *     audit entry (JCS + SHA-256) and two outbox rows (event envelope, audit
 *     envelope), planned exactly as the command pipeline plans it (planDecision) and written by
 *     EventStore.appendToStream in one statement;
 * (b) the same on a stream that already exists, at its expected version: the
 *     common case (BENCH_STREAMS streams, default 10000, seeded untimed);
 * (c) a raw single-row INSERT (id uuid primary key, payload jsonb) on the same
 *     Postgres, same pool, same durability settings, in the same run.
 * Env: BENCH_SECONDS (default 5) per measurement, BENCH_CLIENTS (default 1,4,16).
 * a, b and c alternate in one-second slices so all meet the same neighbours' load.
 * Then, one client, BENCH_WAL_APPENDS (default 300) of each read back from the
 * WAL (pg_walinspect, superuser): rows, index entries and bytes per operation.
 */
import { EventStore, eventStoreMigrations } from '@app/event-sourcing';
import { createTestDatabase, testDatabaseUrl } from '@app/testing';
import { cpus, loadavg } from 'node:os';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { type Row, formatTable, interleaved, ratioTo, timedRun } from './bench-stats';
import { type StreamHead, existingStreamAppend, newStreamAppend, rawInsert, seedStreams } from './event-store.operations';
import { enableWalInspection, formatWalProfile, walProfile } from './wal-profile';

const TARGETS = { newStream: 0.5, existingStream: 0.45 };

async function withPool<T>(
  schema: string,
  clients: number,
  use: (store: EventStore, pool: Pool, dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url: testDatabaseUrl(), extra: { max: clients, options: `-c search_path=${schema}` } });
  await dataSource.initialize();
  try {
    return await use(new EventStore(dataSource), (dataSource.driver as PostgresDriver).master as Pool, dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function measureLevel(schema: string, heads: StreamHead[], clients: number, seconds: number, slices: number): Promise<Row> {
  return withPool(schema, clients, async (store, pool) => {
    const operations = [newStreamAppend(store), existingStreamAppend(store, heads), rawInsert(pool)];
    // Warm-up opens every connection and prepares every statement on each.
    for (const operation of operations) await timedRun(clients, 0.5, operation);
    return { clients, cases: await interleaved(clients, seconds, slices, ...operations) };
  });
}

async function printWalProfiles(db: { dataSource: DataSource; schema: string }, heads: StreamHead[]): Promise<void> {
  const appends = Number(process.env.BENCH_WAL_APPENDS ?? 300);
  if (!(await enableWalInspection(db.dataSource, db.schema))) {
    console.log('\n(no WAL profile: pg_walinspect needs a superuser)');
    return;
  }
  console.log(`\nWAL written per operation (${appends} of each, one client, read back with pg_walinspect):`);
  await withPool(db.schema, 1, async (store, pool) => {
    const cases = { '(a) new stream': newStreamAppend(store), '(b) existing stream': existingStreamAppend(store, heads), '(c) raw insert': rawInsert(pool) };
    for (const [label, operation] of Object.entries(cases)) {
      console.log(formatWalProfile(label, await walProfile(db.dataSource, db.schema, appends, operation)));
    }
  });
  // What a busy store writes: 16 appends submitted at once, one statement free, so 15 of them go together.
  await withPool(db.schema, 1, async (_, __, dataSource) => {
    const store = new EventStore(dataSource, undefined, { concurrentAppends: 1 });
    const existing = existingStreamAppend(store, heads);
    const sixteen = () => Promise.all(Array.from({ length: 16 }, existing));
    const profile = await walProfile(db.dataSource, db.schema, Math.ceil(appends / 16), sixteen);
    console.log(formatWalProfile('(b) existing stream, 16 at once (1 alone + 15 written together)', { ...profile, operations: profile.operations * 16 }));
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const levels = (process.env.BENCH_CLIENTS ?? '1,4,16').split(',').map(Number);
  const streams = Number(process.env.BENCH_STREAMS ?? 10_000);
  const slices = Math.max(1, Math.round(seconds));
  const db = await createTestDatabase(eventStoreMigrations, 1);
  try {
    await db.dataSource.query('CREATE TABLE bench_raw (id uuid PRIMARY KEY, payload jsonb NOT NULL)');
    const settings = await db.dataSource.query(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'full_page_writes', 'autovacuum') ORDER BY name`,
    );
    console.log(
      `event store bench: schema ${db.schema}, ${seconds}s per measurement in ${slices} alternating a/b/c slices, levels ${levels.join('/')}`,
    );
    console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start (shared with whatever else runs)`);
    console.log(`settings (identical for a, b and c): ${settings.map((s: { name: string; setting: string }) => `${s.name}=${s.setting}`).join(' ')}`);
    const heads = await withPool(db.schema, 8, (store) => seedStreams(store, streams));
    console.log(`seeded ${streams} streams of one event each`);
    const rows: Row[] = [];
    for (const clients of levels) {
      rows.push(await measureLevel(db.schema, heads, clients, seconds, slices));
      console.log(`  ${clients} client(s) done, load average ${loadavg()[0].toFixed(2)}`);
    }
    console.log('\n(a) full append creating a stream: 1 event + chained audit entry + 2 outbox rows, one statement');
    console.log('(b) the same appended to an existing stream at its expected version');
    console.log('(c) raw single-row INSERT into bench_raw(id uuid pk, payload jsonb)\n');
    console.log(formatTable(rows));
    console.log(`\nload average ${loadavg()[0].toFixed(2)} at the end`);
    const lowest = (index: number) => Math.min(...rows.map(({ cases }) => ratioTo(cases[index], cases[2])));
    const verdict = (name: string, value: number, target: number) =>
      `${name} >= ${target} at every level -> ${value >= target ? 'met' : 'NOT met'} (lowest ${value.toFixed(2)})`;
    console.log(`\ntarget: ${verdict('a/c', lowest(0), TARGETS.newStream)}; ${verdict('b/c', lowest(1), TARGETS.existingStream)}`);
    await printWalProfiles(db, heads);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
