import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MigrationClass = new () => any;

export interface TestDatabase {
  dataSource: DataSource;
  schema: string;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

export const testDatabaseUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/connected_health';

/**
 * A fresh schema on the real Postgres, migrated with the given migrations, so
 * each test file is isolated from the others and from the running platform.
 * Tables are unqualified: the schema is first on the connection's search_path,
 * exactly as a service connects.
 */
export async function createTestDatabase(migrations: MigrationClass[], poolSize = 5): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: testDatabaseUrl(), extra: { max: 1 } });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.destroy();

  const dataSource = new DataSource({
    type: 'postgres',
    url: testDatabaseUrl(),
    schema,
    migrations,
    migrationsTableName: 'migrations',
    extra: { max: poolSize, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    schema,
    async drop() {
      await dataSource.query(`DROP SCHEMA ${schema} CASCADE`);
      await dataSource.destroy();
    },
  };
}
