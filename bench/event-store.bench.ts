/*
 * npm run bench:event-store
 *
 * (a) the full append of one command: a new stream, one event, its chained
 *     audit entry (JCS + SHA-256) and two outbox rows (event envelope, audit
 *     envelope), planned exactly as DeciderCommandRunner plans it and written by
 *     EventStore.appendToStream in one statement;
 * (b) a raw single-row INSERT (id uuid primary key, payload jsonb) on the same
 *     Postgres, same pool, same durability settings, in the same run.
 * Env: BENCH_SECONDS (default 5) per measurement, BENCH_CLIENTS (default 1,4,16).
 * a and b alternate in one-second slices so both meet the same neighbours' load.
 */
import { GENESIS_HASH } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { EventStore, type Decider, eventStoreMigrations, planDecision } from '@app/event-sourcing';
import { createTestDatabase, testDatabaseUrl } from '@app/testing';
import { cpus, loadavg } from 'node:os';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { v7 as uuidv7 } from 'uuid';
import { type Row, formatTable, interleaved, timedRun } from './bench-stats';

type Measured = { type: 'ReadingRecorded'; data: { deviceId: string; value: number; at: string } };
const decider: Decider<{ readings: number }, { deviceId: string; value: number; now: Date }, Measured> = {
  initialState: () => ({ readings: 0 }),
  evolve: (state) => ({ readings: state.readings + 1 }),
  decide: (command) => ({ type: 'ReadingRecorded', data: { deviceId: command.deviceId, value: command.value, at: command.now.toISOString() } }),
};
const actor = { id: 'bench-operator', role: 'operator' as const };
const emptyStream = { position: 0, auditHeadHash: GENESIS_HASH, events: [] };

function fullAppendOperation(store: EventStore): () => Promise<unknown> {
  return async () => {
    const deviceId = uuidv7();
    const now = new Date();
    const { append } = planDecision({
      decider,
      command: { deviceId, value: 42, now },
      context: { actor, correlationId: uuidv7(), causationId: null, now },
      stream: emptyStream,
      streamId: `reading:${deviceId}`,
      streamType: 'reading',
      topic: TOPICS.enrolment,
      audit: ({ version }) => ({
        actor,
        action: 'reading.record',
        subject: `enrolment:${deviceId}`,
        relatedSubjects: [],
        decision: 'recorded',
        evidence: { version },
      }),
      service: 'bench',
      newId: uuidv7,
      schemaVersionOf: () => 1,
    });
    return store.appendToStream(append!);
  };
}

function rawInsertOperation(pool: Pool): () => Promise<unknown> {
  return () =>
    pool.query({
      name: 'bench_raw_insert',
      text: 'INSERT INTO bench_raw (id, payload) VALUES ($1, $2)',
      values: [uuidv7(), JSON.stringify({ deviceId: uuidv7(), value: 42, at: new Date().toISOString() })],
    });
}

async function measureLevel(schema: string, clients: number, seconds: number, slices: number): Promise<Row> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: testDatabaseUrl(),
    extra: { max: clients, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  try {
    const store = new EventStore(dataSource);
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    const append = fullAppendOperation(store);
    const raw = rawInsertOperation(pool);
    // Warm-up opens every connection and prepares both statements on each.
    await timedRun(clients, 0.5, append);
    await timedRun(clients, 0.5, raw);
    const [appendStats, rawStats] = await interleaved(clients, seconds, slices, append, raw);
    return { clients, append: appendStats, raw: rawStats };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const levels = (process.env.BENCH_CLIENTS ?? '1,4,16').split(',').map(Number);
  const slices = Math.max(1, Math.round(seconds));
  const db = await createTestDatabase(eventStoreMigrations, 1);
  try {
    await db.dataSource.query('CREATE TABLE bench_raw (id uuid PRIMARY KEY, payload jsonb NOT NULL)');
    const settings = await db.dataSource.query(
      `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay') ORDER BY name`,
    );
    console.log(
      `event store bench: schema ${db.schema}, ${seconds}s per measurement in ${slices} alternating a/b slices, levels ${levels.join('/')}`,
    );
    console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at start (shared with whatever else runs)`);
    console.log(`durability (identical for a and b): ${settings.map((s: { name: string; setting: string }) => `${s.name}=${s.setting}`).join(' ')}`);
    const rows: Row[] = [];
    for (const clients of levels) {
      rows.push(await measureLevel(db.schema, clients, seconds, slices));
      console.log(`  ${clients} client(s) done`);
    }
    console.log('\n(a) full append: new stream, 1 event + chained audit entry + 2 outbox rows, one statement');
    console.log('(b) raw single-row INSERT into bench_raw(id uuid pk, payload jsonb)\n');
    console.log(formatTable(rows));
    console.log(`\nload average ${loadavg()[0].toFixed(2)} at the end`);
    const worst = Math.min(...rows.map((r) => r.append.operations / r.append.seconds / (r.raw.operations / r.raw.seconds)));
    console.log(`\ntarget: a/b >= 0.5 at every level -> ${worst >= 0.5 ? 'met' : 'NOT met'} (lowest a/b ${worst.toFixed(2)})`);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
