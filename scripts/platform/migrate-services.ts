import { loadPlatformConfig, runMigrations } from '@app/service-kit';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { loadMigrations } from './load-migrations';

/** Migrates each service's schema in services.json order; the first failure stops the run. */
export async function migrateServices(services: ServiceEntry[], log: (line: string) => void): Promise<void> {
  // Only the database settings matter here; PORT is each service's own business.
  const config = loadPlatformConfig(process.env, { defaultPort: 3000 });
  for (const service of services) {
    if (!service.migrations || !service.schema) continue;
    const migrations = loadMigrations(service);
    let ran: string[];
    try {
      ran = await runMigrations(config, service.schema, migrations);
    } catch (error) {
      throw new Error(`Migrations of ${service.name} (schema ${service.schema}) failed: ${(error as Error).message}`);
    }
    log(`${service.name} (schema ${service.schema}): ${ran.length ? `ran ${ran.join(', ')}` : 'up to date'}`);
  }
}
