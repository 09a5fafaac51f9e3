/**
 * `npm run migrate`: runs the migrations of every service of services.json,
 * each in its own schema, after making sure Postgres and the database exist.
 *   --only <name>   migrate one service (a k8s init container does this), not the patient keys
 *   --patient-keys  migrate the patient_keys schema alone and renew its grants from the
 *                   whole of services.json (the k8s Job patient-keys-migrate does this, as
 *                   patient_keys_owner: no service's owner may)
 *   --skip-infra    do not try to start Postgres or create the database
 *                   (containers: the database is someone else's job)
 */
import { parseArgs } from 'node:util';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { ensureDatabase, ensurePostgres } from '../infra/postgres-redis';
import { migrateServices } from './migrate-services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'patient-keys': { type: 'boolean', default: false },
      'skip-infra': { type: 'boolean', default: false },
    },
  });
  if (values.only && values['patient-keys']) throw new Error('--only and --patient-keys: give one of them');
  const all = loadServiceRegistry();
  const services = values['patient-keys'] ? [] : values.only ? all.filter((s) => s.name === values.only) : all;
  if (values.only && services.length === 0) throw new Error(`--only ${values.only}: no such service in services.json`);
  if (!values['skip-infra']) {
    await ensurePostgres();
    await ensureDatabase();
  }
  const scope = { services, patientKeys: !values.only };
  await migrateServices(all, (line) => console.log(`[migrate] ${line}`), scope);
  console.log('[migrate] done');
}

main().catch((error: unknown) => {
  console.error(`[migrate] ${(error as Error).message}`);
  process.exit(1);
});
