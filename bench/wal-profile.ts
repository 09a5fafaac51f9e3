import type { DataSource } from 'typeorm';

/*
 * What one operation writes, read back from the WAL itself (pg_walinspect):
 * every record of the transactions that touched the bench's schema, so the
 * neighbours' writes to the same cluster are left out. Heap records count the
 * rows written, Btree INSERT_LEAF records the index entries.
 */

interface WalRecord {
  xid: string;
  resource_manager: string;
  record_type: string;
  record_length: number;
  fpi_length: number;
  block_ref: string | null;
}

export interface WalProfile {
  operations: number;
  records: number;
  /** Record bytes without full-page images (those depend on where the last checkpoint fell). */
  bytes: number;
  fullPageImages: number;
  /** e.g. "events: Heap INSERT" -> count per operation. */
  writes: Map<string, number>;
}

/** Makes pg_walinspect callable as `<schema>.pg_get_wal_records_info`; false when this role may not (superuser only). */
export async function enableWalInspection(dataSource: DataSource, schema: string): Promise<boolean> {
  try {
    const [existing] = await dataSource.query(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_walinspect'`);
    if (!existing) await dataSource.query(`CREATE EXTENSION pg_walinspect SCHEMA ${schema}`);
    return true;
  } catch {
    return false;
  }
}

export async function walProfile(
  dataSource: DataSource,
  schema: string,
  operations: number,
  operation: () => Promise<unknown>,
): Promise<WalProfile> {
  const [{ extschema }] = await dataSource.query(`SELECT extnamespace::regnamespace::text AS extschema FROM pg_extension WHERE extname = 'pg_walinspect'`);
  const [{ lsn: start }] = await dataSource.query(`SELECT pg_current_wal_insert_lsn() AS lsn`);
  for (let i = 0; i < operations; i += 1) await operation();
  const records: WalRecord[] = await dataSource.query(
    `SELECT xid::text, resource_manager, record_type, record_length, fpi_length, block_ref
       FROM ${extschema}.pg_get_wal_records_info($1, pg_current_wal_flush_lsn())`,
    [start],
  );
  const relations = new Map<string, string>(
    (
      await dataSource.query(
        `SELECT c.relfilenode::text AS node, c.relname AS name FROM pg_class c WHERE c.relnamespace = $1::regnamespace
         UNION ALL
         SELECT t.relfilenode::text, c.relname || ' (toast)' FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid
          WHERE c.relnamespace = $1::regnamespace`,
        [schema],
      )
    ).map((row: { node: string; name: string }) => [row.node, row.name]),
  );
  const touched = (record: WalRecord): string[] =>
    [...(record.block_ref ?? '').matchAll(/rel \d+\/\d+\/(\d+)/g)].map((m) => relations.get(m[1])).filter((r): r is string => !!r);
  // Our transactions, plus housekeeping without a transaction (page pruning) on our relations.
  const ours = new Set(records.filter((r) => r.xid !== '0' && touched(r).length > 0).map((r) => r.xid));
  const profile: WalProfile = { operations, records: 0, bytes: 0, fullPageImages: 0, writes: new Map() };
  for (const record of records) {
    const relationsTouched = touched(record);
    if (!ours.has(record.xid) && relationsTouched.length === 0) continue;
    profile.records += 1;
    profile.bytes += record.record_length - record.fpi_length;
    if (record.fpi_length > 0) profile.fullPageImages += 1;
    const key = `${relationsTouched[0] ?? '-'}: ${record.resource_manager} ${record.record_type}`;
    profile.writes.set(key, (profile.writes.get(key) ?? 0) + 1);
  }
  return profile;
}

export function formatWalProfile(label: string, profile: WalProfile): string {
  const per = (n: number) => n / profile.operations;
  const writes = [...profile.writes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `    ${per(count).toFixed(2).padStart(6)}  ${key}`);
  return [
    `${label}: ${per(profile.records).toFixed(1)} WAL records, ${per(profile.bytes).toFixed(0)} bytes (+ ${per(profile.fullPageImages).toFixed(2)} full-page images) per operation`,
    ...writes,
  ].join('\n');
}
