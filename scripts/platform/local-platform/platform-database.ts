import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '../../infra/postgres-redis';

/** A fresh database of the machine's Postgres for one platform, named so a leftover is recognisable. */
export interface PlatformDatabase {
  name: string;
  /** The superuser URL of that database (migrations, test checks). */
  adminUrl: string;
}

const adminOf = (database: string): string => {
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
};

async function onMaintenanceDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminOf('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPlatformDatabase(): Promise<PlatformDatabase> {
  const name = `local_platform_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await onMaintenanceDb((client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, adminUrl: adminOf(name) };
}

/** Drops it even if a connection lingers (a killed service's). Roles are cluster-wide and stay. */
export async function dropPlatformDatabase(database: PlatformDatabase): Promise<void> {
  await onMaintenanceDb((client) => client.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`));
}

export async function databaseExists(name: string): Promise<boolean> {
  return onMaintenanceDb(async (client) => ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0);
}
