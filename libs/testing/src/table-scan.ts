import { withClient } from '@app/service-kit';
import { testDatabaseUrl } from './test-database';

/** undefined_table, invalid_schema_name: another test file's schema dropped between the listing and the read. */
const GONE = new Set(['42P01', '3F000']);

/**
 * The tables (`schema.table`) whose rows, as text, hold `value`: of one
 * schema, or of every schema of the database. What a privacy test asks of
 * storage: not the columns a service meant to fill, but everything stored.
 */
export async function tablesHolding(value: string, options: { schema?: string } = {}): Promise<string[]> {
  return withClient(testDatabaseUrl(), async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
          AND ($1::text IS NULL OR table_schema = $1)`,
      [options.schema ?? null],
    );
    const holding: string[] = [];
    for (const { name } of tables) {
      try {
        const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${name} t WHERE strpos(t::text, $1) > 0) AS found`, [value]);
        if (rows[0].found) holding.push(name);
      } catch (error) {
        if (!GONE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
    return holding;
  });
}
