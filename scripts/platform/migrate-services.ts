import { canManageRoles, grantRuntimeRole, loadPlatformConfig, provisionServiceRoles, runMigrations, serviceRoles } from '@app/service-kit';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { loadMigrations } from './load-migrations';

/**
 * Migrates each service's schema in services.json order; the first failure
 * stops the run. Each schema is owned by its `<schema>_owner` role, and its
 * runtime role `<schema>` gets rows only (libs/service-kit service-roles.ts).
 * Connected as a role that may create roles (locally the postgres superuser),
 * it creates both roles and migrates as the owner (SET ROLE); connected as the
 * owner itself (the migration Job of a cluster), it migrates and grants.
 */
export async function migrateServices(services: ServiceEntry[], log: (line: string) => void): Promise<void> {
  // Only the database settings matter here; PORT is each service's own business.
  const config = loadPlatformConfig(process.env, { defaultPort: 3000 });
  const provisions = await canManageRoles(config.DATABASE_URL);
  for (const service of services) {
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
}
