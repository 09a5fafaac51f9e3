/**
 * `npm run rotate-keys`: re-wraps every patient data key not under the current
 * master version (the first of PATIENT_MASTER_KEYS) under it, in batches, each
 * key by compare-and-set. Nothing else is re-encrypted. Idempotent and
 * resumable: run it again after an interruption, it takes what is left; a
 * second run re-wraps nothing. README "Patient keys" gives the whole procedure.
 *   --batch-size <n>  keys read per batch (default 500)
 *   --schema <name>   another patient keys schema than patient_keys (tests)
 * Runs as the rotator role `patient_keys` (rotation functions only): in a
 * cluster its DATABASE_URL is that role's; locally, connected as a role that
 * may, it switches to it (SET ROLE).
 */
import { parseArgs } from 'node:util';
import { canManageRoles, loadPlatformConfig, patientKeysRoles, patientMasterKeysOf, rotatePatientKeys } from '@app/service-kit';
import { DataSource } from 'typeorm';

const log = (line: string): void => console.log(`[rotate-keys] ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '500' }, schema: { type: 'string' } } });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be an integer between 1 and 10000');
  const config = loadPlatformConfig(process.env, { defaultPort: 3000 });
  const wrapper = patientMasterKeysOf(config);
  const roles = patientKeysRoles(values.schema);
  const asRotator = (await canManageRoles(config.DATABASE_URL)) ? ` -c role=${roles.runtime}` : '';
  const db = new DataSource({ type: 'postgres', url: config.DATABASE_URL, extra: { max: 1, options: `-c search_path=pg_catalog${asRotator}` } });
  await db.initialize();
  try {
    log(`re-wrapping under master key version ${wrapper.currentVersion} (configured: ${wrapper.versions.join(', ')}), schema ${roles.schema}`);
    const outcome = await rotatePatientKeys(db, wrapper, {
      schema: roles.schema,
      batchSize,
      onBatch: (sofar) => log(`batch ${sofar.batches}: ${sofar.rewrapped} re-wrapped so far`),
    });
    for (const { pseudonym, generation, reason } of outcome.failed) log(`NOT re-wrapped: patient ${pseudonym} generation ${generation}: ${reason}`);
    log(
      `done: ${outcome.rewrapped} data keys re-wrapped under version ${outcome.masterVersion} in ${outcome.batches} batches` +
        `, ${outcome.changedMeanwhile} changed meanwhile (erased or re-wrapped by another run), ${outcome.failed.length} failed`,
    );
    if (outcome.failed.length === 0) {
      log(`every live data key is under version ${outcome.masterVersion}: older versions may be removed from PATIENT_MASTER_KEYS`);
      return 0;
    }
    log('keep the older versions in PATIENT_MASTER_KEYS until the keys above are dealt with');
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[rotate-keys] ${(error as Error).message}`);
    process.exit(1);
  },
);
