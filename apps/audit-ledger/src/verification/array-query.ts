import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Rows as arrays: a full verification reads millions of rows, and arrays are cheaper than objects. */
export type ArrayQuery = (text: string, values: unknown[]) => Promise<unknown[][]>;

export function arrayQueryOf(dataSource: DataSource): ArrayQuery {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return async (text, values) => (await pool.query({ text, values, rowMode: 'array' })).rows as unknown[][];
}
