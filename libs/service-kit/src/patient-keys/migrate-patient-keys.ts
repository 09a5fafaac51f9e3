import type { PlatformConfig } from '../config/platform-config.schema';
import { provisionServiceRoles } from '../database/provision-service-roles';
import { runMigrations } from '../database/run-migrations';
import type { ServiceRoles } from '../database/service-roles';
import { patientKeysRoles } from './patient-key-rights';
import { patientKeysMigrations } from './patient-keys.migration';

/**
 * Migrates the patient keys schema as its owner role. With `provisions`
 * (connected as a role that may create roles, locally the superuser) it first
 * creates `patient_keys_owner` and the rotator `patient_keys` as
 * provisionServiceRoles creates a service's roles, and migrates as the owner
 * (SET ROLE); otherwise it is connected as the owner itself (the cluster's
 * Job). Grants come after, once every holder's role exists (grantPatientKeyRoles).
 */
export async function migratePatientKeysSchema(
  config: Pick<PlatformConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  options: { provisions: boolean; schema?: string; roleComment?: string },
): Promise<{ roles: ServiceRoles; ran: string[] }> {
  const roles = patientKeysRoles(options.schema);
  if (options.provisions) await provisionServiceRoles(config.DATABASE_URL, roles, options.roleComment);
  const ran = await runMigrations(config, roles.schema, patientKeysMigrations, {
    asRole: options.provisions ? roles.owner : undefined,
    serviceKitTables: false,
  });
  return { roles, ran };
}
