import type { DataSource } from 'typeorm';

/** What a schema holds, by table row count and sequence position: equal snapshots mean nothing was written. */
export type SchemaSnapshot = Record<string, string | null>;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The row count of every table of `schema` (found in information_schema, so
 * a table added tomorrow is counted) and the last value of every sequence.
 * Sequences catch rows written and gone again between two snapshots, such as
 * outbox rows the relay has already published and deleted.
 */
export async function snapshotSchema(dataSource: DataSource, schema: string): Promise<SchemaSnapshot> {
  const tables = (await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  )) as { table_name: string }[];
  const snapshot: SchemaSnapshot = {};
  if (tables.length > 0) {
    const counts = (await dataSource.query(
      tables.map((t, i) => `SELECT $${i + 1}::text AS name, count(*)::text AS n FROM ${quote(schema)}.${quote(t.table_name)}`).join(' UNION ALL '),
      tables.map((t) => t.table_name),
    )) as { name: string; n: string }[];
    for (const { name, n } of counts) snapshot[`table ${name}`] = n;
  }
  const sequences = (await dataSource.query(
    `SELECT sequencename, last_value::text AS last_value FROM pg_sequences WHERE schemaname = $1`,
    [schema],
  )) as { sequencename: string; last_value: string | null }[];
  for (const { sequencename, last_value } of sequences) snapshot[`sequence ${sequencename}`] = last_value;
  return snapshot;
}

/** `table outbox: 0 -> 2`, one line per table or sequence that moved. */
export function schemaChanges(before: SchemaSnapshot, after: SchemaSnapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((name) => before[name] !== after[name]).map((name) => `${name}: ${before[name]} -> ${after[name]}`);
}
