import { randomBytes } from 'node:crypto';
import {
  grantPatientKeyRoles,
  type PatientKeyGrantees,
  type PatientKeyRight,
  patientKeysMigrations,
  runMigrations,
  type ServiceRoles,
  withClient,
} from '@app/service-kit';
import { createTestRoles, dropTestRoles } from './test-roles';
import { testDatabaseUrl } from './test-database';

export interface TestPatientKeys {
  /** Give it to the service as `patientKeysSchema` (ServiceOverrides), or to PgPatientKeyring as `schema`. */
  schema: string;
  /** Its owner and its rotator (`runtime`). */
  roles: ServiceRoles;
  /** Makes the grants exactly these, as `npm run migrate` does from services.json. */
  grant(grantees: PatientKeyGrantees): Promise<void>;
  /** Adds one role to those granted a right (a second test app sharing the schema). */
  allow(right: PatientKeyRight, role: string): Promise<void>;
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
  let granted: PatientKeyGrantees = grantees;
  const grant = async (to: PatientKeyGrantees) => {
    // A test app sharing the schema may have closed, dropping its role: it is no grantee any more.
    const existing = await existingRoles(adminUrl, [...to.holders, ...to.erasers]);
    granted = { holders: to.holders.filter((r) => existing.has(r)), erasers: to.erasers.filter((r) => existing.has(r)) };
    await grantPatientKeyRoles(adminUrl, granted, { schema, asRole: roles.owner });
  };
  // Apps sharing the schema start at once: each addition reads the grants the previous one left.
  let additions: Promise<void> = Promise.resolve();
  const allow = (right: PatientKeyRight, role: string) => {
    additions = additions
      .catch(() => undefined)
      .then(() =>
        grant(right === 'holder' ? { ...granted, holders: [...granted.holders, role] } : { ...granted, erasers: [...granted.erasers, role] }),
      );
    return additions;
  };
  try {
    await runMigrations({ DATABASE_URL: adminUrl, DATABASE_POOL_SIZE: 1 }, schema, patientKeysMigrations, { asRole: roles.owner, serviceKitTables: false });
    await grant(grantees);
  } catch (error) {
    await dropTestRoles(adminUrl, roles).catch(() => undefined);
    throw error;
  }
  return { schema, roles, grant, allow, drop: () => dropTestRoles(adminUrl, roles) };
}

async function existingRoles(adminUrl: string, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1)`, [names]);
    return new Set(rows.map((row) => row.rolname));
  });
}
