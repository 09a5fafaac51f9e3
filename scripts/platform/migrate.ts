/**
 * `npm run migrate`: runs the migrations of every service of services.json,
 * each in its own schema, after making sure Postgres and the database exist.
 *   --only <name>   migrate one service (a k8s init container does this)
 *   --skip-infra    do not try to start Postgres or create the database
 *                   (containers: the database is someone else's job)
 */
import { parseArgs } from 'node:util';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { ensureDatabase, ensurePostgres } from '../infra/postgres-redis';
import { migrateServices } from './migrate-services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, 'skip-infra': { type: 'boolean', default: false } },
  });
  const all = loadServiceRegistry();
  const services = values.only ? all.filter((s) => s.name === values.only) : all;
  if (services.length === 0) throw new Error(`--only ${values.only}: no such service in services.json`);
  if (!values['skip-infra']) {
    await ensurePostgres();
    await ensureDatabase();
  }
  await migrateServices(services, (line) => console.log(`[migrate] ${line}`));
  console.log('[migrate] done');
}

main().catch((error: unknown) => {
  console.error(`[migrate] ${(error as Error).message}`);
  process.exit(1);
});
