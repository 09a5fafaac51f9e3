import { randomBytes } from 'node:crypto';
import { grantPatientKeyRoles, type PatientKeyGrantees, runMigrations, patientKeysMigrations, type ServiceRoles } from '@app/service-kit';
import { createTestRoles, dropTestRoles } from './test-roles';
import { testDatabaseUrl } from './test-database';

export interface TestPatientKeys {
  /** Give it to the service as `patientKeysSchema` (ServiceOverrides), or to PgPatientKeyring as `schema`. */
  schema: string;
  /** Its owner and its rotator (`runtime`). */
  roles: ServiceRoles;
  /** Makes the grants exactly these, as `npm run migrate` does from services.json. */
  grant(grantees: PatientKeyGrantees): Promise<void>;
  /** Drops the schema and its roles. */
  drop(): Promise<void>;
}

/**
 * A patient keys schema of the test's own, migrated by its own owner role,
 * with a rotator role and the grants given: each test file sees only the
 * keys it issued, and what the roles may do is what a deployment allows.
 */
export async function createTestPatientKeys(
  grantees: PatientKeyGrantees = { holders: [], erasers: [] },
  adminUrl: string = testDatabaseUrl(),
): Promise<TestPatientKeys> {
  const schema = `t_pk_${randomBytes(5).toString('hex')}`;
  const roles = await createTestRoles(adminUrl, schema);
  const grant = (to: PatientKeyGrantees) => grantPatientKeyRoles(adminUrl, to, { schema, asRole: roles.owner });
  try {
    await runMigrations({ DATABASE_URL: adminUrl, DATABASE_POOL_SIZE: 1 }, schema, patientKeysMigrations, { asRole: roles.owner, serviceKitTables: false });
    await grant(grantees);
  } catch (error) {
    await dropTestRoles(adminUrl, roles).catch(() => undefined);
    throw error;
  }
  return { schema, roles, grant, drop: () => dropTestRoles(adminUrl, roles) };
}
