import { provisionServiceRoles, serviceRoles, withClient, type ServiceRoles } from '@app/service-kit';
import type { Client } from 'pg';

/** Marks the roles tests create; the time lets a later run sweep those a crashed run left. */
const TEST_ROLE_COMMENT = 'connected-health test role, created at ';
const LEFTOVER_AFTER_MS = 60 * 60_000;

/**
 * The owner and runtime roles of a test schema, as `npm run migrate` makes
 * them for a real one. Roles are cluster-wide: the schema name is unique, so
 * are its roles, and `dropTestRoles` removes them again. Stale test roles of
 * crashed runs (older than an hour) are swept first.
 */
export async function createTestRoles(adminUrl: string, schema: string): Promise<ServiceRoles> {
  await sweepLeftoverTestRoles(adminUrl);
  const roles = serviceRoles(schema);
  try {
    await provisionServiceRoles(adminUrl, roles, `${TEST_ROLE_COMMENT}${Date.now()}`);
  } catch (error) {
    await dropTestRoles(adminUrl, roles).catch(() => undefined);
    throw error;
  }
  return roles;
}

/** Drops the schema (the owner owns it) and both roles. */
export async function dropTestRoles(adminUrl: string, roles: ServiceRoles): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const role of [roles.runtime, roles.owner]) await dropRole(client, role);
  });
}

async function sweepLeftoverTestRoles(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ rolname: string; description: string }>(
      `SELECT r.rolname, d.description FROM pg_roles r
         JOIN pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_authid'::regclass
        WHERE d.description LIKE $1`,
      [`${TEST_ROLE_COMMENT}%`],
    );
    const stale = rows.filter((row) => Date.now() - Number(row.description.slice(TEST_ROLE_COMMENT.length)) > LEFTOVER_AFTER_MS);
    for (const { rolname } of stale) {
      // A role still granted in another database cannot be dropped from here: that database's next run sweeps it.
      await dropRole(client, rolname).catch(() => undefined);
    }
  });
}

/** One lock for every test role drop of the cluster (any process): an arbitrary constant, "test roles" in ASCII. */
const ROLE_DROP_LOCK = 0x7465_7374_726f;

/**
 * Drops a role and what it owns, one drop at a time: two roles granted on the
 * same object (the functions of a shared patient keys schema) revoked at once
 * update the same catalogue row, and Postgres refuses the second with "tuple
 * concurrently updated". So test apps may close in any order, at once.
 */
async function dropRole(client: Client, role: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_DROP_LOCK]);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount) {
      const quoted = client.escapeIdentifier(role);
      await client.query(`DROP OWNED BY ${quoted} CASCADE`);
      await client.query(`DROP ROLE ${quoted}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

