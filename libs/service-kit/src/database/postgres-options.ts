import type { DataSourceOptions } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config.schema';
import { assertSchemaName } from './schema-name';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationClass = new () => any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EntityClass = new (...args: any[]) => any;

export interface ServiceDatabaseOptions {
  schema: string;
  migrations?: MigrationClass[];
  entities?: EntityClass[];
  /** Runs the session as this role (`SET ROLE` at connection): migrations run as the schema's owner role. */
  role?: string;
}

/**
 * How every service connects: its own schema first on the search_path, so SQL
 * and migrations use unqualified table names; a small pool (Postgres allows 100
 * connections for the whole platform); never `synchronize`.
 */
export function postgresOptions(config: PlatformConfig, options: ServiceDatabaseOptions) {
  const schema = assertSchemaName(options.schema);
  const role = options.role === undefined ? '' : ` -c role=${assertSchemaName(options.role)}`;
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    schema,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    entities: options.entities ?? [],
    extra: { max: config.DATABASE_POOL_SIZE, options: `-c search_path=${schema}${role}` },
  } satisfies DataSourceOptions;
}
