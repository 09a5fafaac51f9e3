import { resolve } from 'node:path';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from './repo-root';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationClass = new () => any;

/**
 * Loads `path/to/module.ts#exportName` from services.json. Runs under
 * @swc-node/register, so requiring the TypeScript module compiles it.
 */
export function loadMigrations(service: ServiceEntry): MigrationClass[] {
  if (!service.migrations) return [];
  const [modulePath, exportName] = service.migrations.split('#');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolve(REPO_ROOT, modulePath)) as Record<string, unknown>;
  const migrations = loaded[exportName];
  if (!Array.isArray(migrations) || migrations.some((m) => typeof m !== 'function')) {
    throw new Error(`${service.name}: ${service.migrations} must export an array of migration classes`);
  }
  return migrations as MigrationClass[];
}
