import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config.schema';
import { serviceKitMigrations } from '../idempotency/idempotency.migration';
import { type MigrationClass, postgresOptions } from './postgres-options';
import { assertSchemaName } from './schema-name';

/**
 * Creates the service's schema if needed and runs its pending migrations, each
 * in its own transaction. Called explicitly (`npm run migrate`, `npm start`,
 * tests), never at application start-up, so two replicas never race on it.
 * The service-kit's own tables (idempotency keys) are included unless the
 * list already holds them, or `serviceKitTables: false` says the schema is no
 * service's (patient_keys). With `asRole` (the schema's owner role), every
 * object is created by, hence owned by, that role. Returns the names of the
 * migrations it ran.
 */
export async function runMigrations(
  config: Pick<PlatformConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  schema: string,
  migrations: MigrationClass[],
  options: { asRole?: string; serviceKitTables?: boolean } = {},
): Promise<string[]> {
  await createSchema(config.DATABASE_URL, assertSchemaName(schema));
  const dataSource = new DataSource({
    ...postgresOptions({ ...config, DATABASE_POOL_SIZE: 1 } as PlatformConfig, {
      schema,
      migrations: options.serviceKitTables === false ? migrations : withServiceKitMigrations(migrations),
      role: options.asRole,
    }),
  });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

export function withServiceKitMigrations(migrations: MigrationClass[]): MigrationClass[] {
  const names = new Set(migrations.map((migration) => migration.name));
  return [...serviceKitMigrations.filter((migration) => !names.has(migration.name)), ...migrations];
}

async function createSchema(url: string, schema: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await admin.initialize();
  try {
    // An owner role owns its schema but may not create schemas: CREATE SCHEMA IF NOT EXISTS would still need that right.
    const found = await admin.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    if (found.length === 0) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await admin.destroy();
  }
}
