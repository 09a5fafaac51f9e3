import { assertSchemaName } from './schema-name';

/**
 * The two Postgres roles of a service, named after its schema so a new entry
 * of services.json gets its own by its `schema` alone:
 * - `<schema>_owner` owns the schema and every object in it; only migrations
 *   run as it (the migration Job in a cluster, `SET ROLE` locally).
 * - `<schema>` is the login role the running service connects as: USAGE on
 *   its schema and DML on its tables, nothing else (no DDL, no other schema).
 */
export interface ServiceRoles {
  schema: string;
  owner: string;
  runtime: string;
}

const OWNER_SUFFIX = '_owner';
/** Postgres truncates identifiers to 63 bytes: the owner name must stay whole. */
const MAX_SCHEMA_LENGTH = 63 - OWNER_SUFFIX.length;

export function serviceRoles(schema: string): ServiceRoles {
  assertSchemaName(schema);
  if (schema.length > MAX_SCHEMA_LENGTH) {
    throw new Error(`Schema name "${schema}" is too long for its roles: at most ${MAX_SCHEMA_LENGTH} characters`);
  }
  return { schema, owner: `${schema}${OWNER_SUFFIX}`, runtime: schema };
}

/**
 * `url` with `role` as its user. Without a password the URL has none (local
 * Postgres trusts 127.0.0.1); in a cluster each service's Secret carries its
 * own complete DATABASE_URL instead.
 */
export function databaseUrlAs(url: string, role: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}
