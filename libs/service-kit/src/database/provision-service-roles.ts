import { Client } from 'pg';
import type { ServiceRoles } from './service-roles';

/** Role attributes a service role never has, whatever it had before. */
const PLAIN_LOGIN = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';

/** True when the connection may create roles: locally the postgres superuser; in a cluster the migration Job's owner role may not. */
export async function canManageRoles(adminUrl: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(`SELECT rolsuper OR rolcreaterole AS can FROM pg_roles WHERE rolname = current_user`);
    return rows[0]?.can === true;
  });
}

/**
 * As a role that may create roles (locally the postgres superuser): creates a
 * service's owner and runtime roles when missing and strips them of any
 * power, makes the owner own its schema and everything already in it (a local
 * database migrated before roles existed holds postgres-owned tables), and
 * closes what PUBLIC could otherwise use to create objects elsewhere (the
 * `public` schema, temporary tables). Idempotent; tolerates a concurrent run.
 * Passwords are not its business: local Postgres trusts 127.0.0.1, and in a
 * cluster the roles and their passwords come from whoever runs the server.
 */
export async function provisionServiceRoles(adminUrl: string, roles: ServiceRoles, comment?: string): Promise<void> {
  const { schema, owner, runtime } = roles;
  await withClient(adminUrl, async (client) => {
    for (const role of [owner, runtime]) {
      // Roles are cluster-wide: another database's migrate may create the same one at the same moment.
      await client.query(`DO $$ BEGIN CREATE ROLE ${role}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      await client.query(`ALTER ROLE ${role} ${PLAIN_LOGIN}`);
      if (comment) await client.query(`COMMENT ON ROLE ${role} IS ${client.escapeLiteral(comment)}`);
    }
    await client.query('BEGIN');
    try {
      // Two services provisioned at once would update the same rows (public, the database): "tuple concurrently updated".
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('connected-health:provision-service-roles'))`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${owner}`);
      await client.query(`ALTER SCHEMA ${schema} OWNER TO ${owner}`);
      await client.query(reassignObjectsSql(schema, owner));
      await client.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await client.query(`DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$`);
      await client.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${owner}, ${runtime}', current_database()); END $$`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/**
 * Hands the schema's tables, views, free-standing sequences and routines to
 * the owner. Sequences of serial and identity columns follow their table.
 */
function reassignObjectsSql(schema: string, owner: string): string {
  return `DO $$
DECLARE object record;
BEGIN
  FOR object IN
    SELECT c.oid::regclass AS name,
           CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
    FROM pg_class c
    WHERE c.relnamespace = '${schema}'::regnamespace AND c.relowner <> '${owner}'::regrole
      AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${owner}', object.kind, object.name);
  END LOOP;
  FOR object IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
    WHERE p.pronamespace = '${schema}'::regnamespace AND p.proowner <> '${owner}'::regrole
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', object.name);
  END LOOP;
END $$`;
}

/**
 * As the owner (or a member of it): what the runtime role may do in the
 * schema, on what exists now and, through default privileges, on what later
 * migrations create. Rows only: no DDL, no TRUNCATE, no other schema.
 */
export async function grantRuntimeRole(ownerUrl: string, roles: ServiceRoles, asRole?: string): Promise<void> {
  const { schema, owner, runtime } = roles;
  await withClient(ownerUrl, async (client) => {
    if (asRole) await client.query(`SET ROLE ${asRole}`);
    await client.query('BEGIN');
    try {
      for (const statement of [
        `GRANT USAGE ON SCHEMA ${schema} TO ${runtime}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${runtime}`,
        `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${runtime}`,
        `GRANT EXECUTE ON ALL ROUTINES IN SCHEMA ${schema} TO ${runtime}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${runtime}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT EXECUTE ON ROUTINES TO ${runtime}`,
      ]) {
        await client.query(statement);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** One connection for a few administrative statements, always closed. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
