import {
  canManageRoles,
  grantPatientKeyRoles,
  grantRuntimeRole,
  loadPlatformConfig,
  migratePatientKeysSchema,
  patientKeyGrantees,
  patientKeysRoles,
  type PlatformConfig,
  provisionServiceRoles,
  runMigrations,
  serviceRoles,
} from '@app/service-kit';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { loadMigrations } from './load-migrations';

/** What one run migrates. */
export interface MigrationScope {
  /** The services whose schemas are migrated: all of services.json, or the one of `--only`. */
  services: readonly ServiceEntry[];
  /** The patient_keys schema and its grants, from the whole of services.json: with every service, or alone (`--patient-keys`). */
  patientKeys: boolean;
}

/**
 * Migrates each service's schema in services.json order; the first failure
 * stops the run. Each schema is owned by its `<schema>_owner` role, and its
 * runtime role `<schema>` gets rows only (libs/service-kit service-roles.ts).
 * Connected as a role that may create roles (locally the postgres superuser),
 * it creates both roles and migrates as the owner (SET ROLE); connected as the
 * owner itself (the migration Job of a cluster), it migrates and grants.
 *
 * The patient_keys schema comes first (when a service has `patientKeys`), as
 * `patient_keys_owner`; its grants come last, once every holder's and
 * eraser's runtime role exists: exactly the functions of each one's right.
 */
export async function migrateServices(
  registry: readonly ServiceEntry[],
  log: (line: string) => void,
  scope: MigrationScope = { services: registry, patientKeys: true },
  /** Where DATABASE_URL comes from (a LocalPlatform passes its own database's). */
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // Only the database settings matter here; PORT is each service's own business.
  const config = loadPlatformConfig(env, { defaultPort: 3000 });
  const provisions = await canManageRoles(config.DATABASE_URL);
  const grantees = patientKeyGrantees(registry);
  const withPatientKeys = scope.patientKeys && grantees.holders.length + grantees.erasers.length > 0;
  if (scope.patientKeys && !withPatientKeys && scope.services.length === 0) log('no service of services.json has patientKeys: no patient keys to migrate');
  if (withPatientKeys) await migratePatientKeys(config, provisions, log);
  for (const service of scope.services) {
    if (!service.migrations || !service.schema) continue;
    const migrations = loadMigrations(service);
    const roles = serviceRoles(service.schema);
    const asRole = provisions ? roles.owner : undefined;
    let ran: string[];
    try {
      if (provisions) await provisionServiceRoles(config.DATABASE_URL, roles);
      ran = await runMigrations(config, service.schema, migrations, { asRole });
      await grantRuntimeRole(config.DATABASE_URL, roles, asRole);
    } catch (error) {
      throw new Error(`Migrations of ${service.name} (schema ${service.schema}) failed: ${(error as Error).message}`);
    }
    const outcome = ran.length ? `ran ${ran.join(', ')}` : 'up to date';
    log(`${service.name} (schema ${service.schema}, owner ${roles.owner}, runtime role ${roles.runtime}): ${outcome}`);
  }
  if (!withPatientKeys) return;
  const roles = patientKeysRoles();
  try {
    await grantPatientKeyRoles(config.DATABASE_URL, grantees, { asRole: provisions ? roles.owner : undefined });
  } catch (error) {
    throw new Error(`Patient keys (schema ${roles.schema}): ${(error as Error).message}`);
  }
  const names = (list: readonly string[]) => (list.length ? list.join(', ') : 'none');
  log(`patient keys grants: holders ${names(grantees.holders)}; erasers ${names(grantees.erasers)}; rotator ${roles.runtime}`);
}

async function migratePatientKeys(config: PlatformConfig, provisions: boolean, log: (line: string) => void): Promise<void> {
  const roles = patientKeysRoles();
  let ran: string[];
  try {
    ({ ran } = await migratePatientKeysSchema(config, { provisions }));
  } catch (error) {
    throw new Error(`Migrations of the patient keys (schema ${roles.schema}) failed: ${(error as Error).message}`);
  }
  const outcome = ran.length ? `ran ${ran.join(', ')}` : 'up to date';
  log(`patient keys (schema ${roles.schema}, owner ${roles.owner}, rotator ${roles.runtime}): ${outcome}`);
}
