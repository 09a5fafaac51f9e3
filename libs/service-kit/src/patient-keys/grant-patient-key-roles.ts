import type { Client } from 'pg';
import { withClient } from '../database/provision-service-roles';
import { assertSchemaName } from '../database/schema-name';
import { PATIENT_KEY_FUNCTIONS, type PatientKeyGrantees, patientKeysRoles } from './patient-key-rights';

/**
 * As the owner of the patient keys schema (or a member of it): makes the
 * grants exactly those of `grantees`. USAGE on the schema and EXECUTE on the
 * holder functions to each holder, on erase_patient to each eraser, on the
 * rotation functions to the rotator role; everything else granted before is
 * revoked, so a service that loses its `patientKeys` in services.json loses
 * the right with the next migrate. No grant on the table, ever.
 * One transaction: callers never see the schema half granted.
 */
export async function grantPatientKeyRoles(ownerUrl: string, grantees: PatientKeyGrantees, options: { schema?: string; asRole?: string } = {}): Promise<void> {
  const roles = patientKeysRoles(options.schema);
  const s = assertSchemaName(roles.schema);
  await withClient(ownerUrl, async (client) => {
    if (options.asRole) await client.query(`SET ROLE ${client.escapeIdentifier(options.asRole)}`);
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('connected-health:grant-patient-key-roles:${s}'))`);
      await revokeEverything(client, s);
      const byRole: [string, readonly string[]][] = [
        ...grantees.holders.map((role) => [role, PATIENT_KEY_FUNCTIONS.holder] as [string, readonly string[]]),
        ...grantees.erasers.map((role) => [role, PATIENT_KEY_FUNCTIONS.eraser] as [string, readonly string[]]),
        [roles.runtime, PATIENT_KEY_FUNCTIONS.rotator],
      ];
      for (const [role, functions] of byRole) {
        const grantee = client.escapeIdentifier(role);
        await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${grantee}`);
        for (const signature of functions) await client.query(`GRANT EXECUTE ON FUNCTION ${s}.${signature} TO ${grantee}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`grants of schema ${s} failed: ${(error as Error).message}`);
    }
  });
}

/** Every privilege on the schema and its routines held by anyone but the owner (PUBLIC included). */
async function revokeEverything(client: Client, s: string): Promise<void> {
  const routines = await client.query<{ routine: string; grantee: string }>(
    `SELECT p.oid::regprocedure::text AS routine, CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END AS grantee
       FROM pg_proc p, aclexplode(p.proacl) a
      WHERE p.pronamespace = $1::regnamespace AND a.grantee <> p.proowner`,
    [s],
  );
  for (const { routine, grantee } of routines.rows) await client.query(`REVOKE ALL ON FUNCTION ${routine} FROM ${grantee}`);
  const schema = await client.query<{ grantee: string }>(
    `SELECT DISTINCT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END AS grantee
       FROM pg_namespace n, aclexplode(n.nspacl) a
      WHERE n.oid = $1::regnamespace AND a.grantee <> n.nspowner`,
    [s],
  );
  for (const { grantee } of schema.rows) await client.query(`REVOKE ALL ON SCHEMA ${s} FROM ${grantee}`);
  const tables = await client.query<{ grantee: string; relation: string }>(
    `SELECT DISTINCT c.oid::regclass::text AS relation, CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END AS grantee
       FROM pg_class c, aclexplode(c.relacl) a
      WHERE c.relnamespace = $1::regnamespace AND a.grantee <> c.relowner`,
    [s],
  );
  for (const { relation, grantee } of tables.rows) await client.query(`REVOKE ALL ON TABLE ${relation} FROM ${grantee}`);
}
