import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { databaseUrlAs, PATIENT_KEY_FUNCTIONS, patientKeysRoles, serviceRoles } from '@app/service-kit';
import { dropTestRoles, testDatabaseUrl } from '@app/testing';
import { Client } from 'pg';
import { NO_TOPICS } from '../../apps/gateway/src/registry';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/**
 * `npm run migrate` and the patient keys: the schema patient_keys (its real
 * name and roles, as a deployment has them) migrated first, the grants of
 * services.json's holders and eraser last. The grants are made exactly those
 * of the services file given: this database's other services lose theirs
 * until the next migrate with the real services.json.
 */
describe('npm run migrate: the patient_keys schema and its grants (real Postgres)', () => {
  const tag = randomBytes(5).toString('hex');
  const holder = serviceRoles(`t_holder_${tag}`);
  const eraser = serviceRoles(`t_eraser_${tag}`);
  const keys = patientKeysRoles();
  const db = new Client({ connectionString: testDatabaseUrl() });
  const dir = mkdtempSync(join(tmpdir(), 'platform-migrate-keys-'));
  const file = (name: string, holderKeys: 'holder' | undefined) => {
    const stub = (service: string, port: number, schema: string, patientKeys?: string) => ({
      name: service,
      port,
      entry: 'x.ts',
      prefixes: [`/v1/${service}`],
      schema,
      migrations: 'scripts/platform/fixtures/stub-migrations.ts#migrations',
      ...(patientKeys ? { patientKeys } : {}),
      topics: NO_TOPICS,
    });
    const services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      stub('holder-stub', 3998, holder.schema, holderKeys),
      stub('eraser-stub', 3999, eraser.schema, 'eraser'),
    ];
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify({ services }));
    return path;
  };
  const withHolder = file('services.json', 'holder');
  const withoutHolder = file('services-no-holder.json', undefined);
  const migrateAs = (databaseUrl: string, servicesFile: string, ...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'scripts/platform/migrate.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, SERVICES_FILE: servicesFile, DATABASE_URL: databaseUrl },
    });
  const can = async (check: string): Promise<boolean> => (await db.query(`SELECT ${check} AS ok`)).rows[0].ok;
  const mayExecute = (role: string, signature: string) => can(`has_function_privilege('${role}', '${keys.schema}.${signature}', 'EXECUTE')`);
  const rights = async (role: string) => {
    const granted: string[] = [];
    for (const signature of Object.values(PATIENT_KEY_FUNCTIONS).flat()) if (await mayExecute(role, signature)) granted.push(signature);
    return granted;
  };

  beforeAll(() => db.connect());
  afterAll(async () => {
    for (const roles of [holder, eraser]) await dropTestRoles(testDatabaseUrl(), roles);
    await db.end();
  });

  it('migrates patient_keys first, the services next, then grants each right its functions and nobody the table', async () => {
    const { stdout } = await migrateAs(testDatabaseUrl(), withHolder, '--skip-infra');
    const lines = stdout.split('\n').filter((line) => line.startsWith('[migrate] '));
    expect(lines[0]).toMatch(/^\[migrate\] patient keys \(schema patient_keys, owner patient_keys_owner, rotator patient_keys\): (ran CreatePatientKeys1765000000000|up to date)$/);
    expect(lines.at(-2)).toBe(`[migrate] patient keys grants: holders ${holder.runtime}; erasers ${eraser.runtime}; rotator patient_keys`);

    expect(await rights(holder.runtime)).toEqual(PATIENT_KEY_FUNCTIONS.holder);
    expect(await rights(eraser.runtime)).toEqual(PATIENT_KEY_FUNCTIONS.eraser);
    expect(await rights(keys.runtime)).toEqual(PATIENT_KEY_FUNCTIONS.rotator);
    for (const role of [holder.runtime, eraser.runtime, keys.runtime, 'public']) {
      expect(await can(`has_table_privilege('${role}', '${keys.schema}.data_keys', 'SELECT, INSERT, UPDATE, DELETE')`)).toBe(false);
    }
    expect(await can(`has_schema_privilege('public', '${keys.schema}', 'USAGE')`)).toBe(false);
    expect(await can(`has_schema_privilege('${holder.owner}', '${keys.schema}', 'USAGE')`)).toBe(false);
    const [{ owner }] = (await db.query(`SELECT tableowner AS owner FROM pg_tables WHERE schemaname = $1 AND tablename = 'data_keys'`, [keys.schema])).rows;
    expect(owner).toBe(keys.owner);
  });

  it('leaves the patient keys alone with --only (a service owner may not touch them)', async () => {
    const { stdout } = await migrateAs(testDatabaseUrl(), withHolder, '--only', 'holder-stub', '--skip-infra');
    expect(stdout).not.toContain('patient keys');
    expect(stdout).toContain(`holder-stub (schema ${holder.schema}`);
  });

  it("renews the grants as patient_keys_owner itself (the cluster's Job, no role it may create): a right removed from services.json is revoked", async () => {
    const [{ rolcreaterole }] = (await db.query(`SELECT rolcreaterole FROM pg_roles WHERE rolname = $1`, [keys.owner])).rows;
    expect(rolcreaterole).toBe(false);
    const asOwner = databaseUrlAs(testDatabaseUrl(), keys.owner);
    const removed = await migrateAs(asOwner, withoutHolder, '--patient-keys', '--skip-infra');
    expect(removed.stdout).toContain('[migrate] patient keys (schema patient_keys, owner patient_keys_owner, rotator patient_keys): up to date');
    expect(removed.stdout).toContain(`[migrate] patient keys grants: holders none; erasers ${eraser.runtime}; rotator patient_keys`);
    expect(removed.stdout).not.toContain('holder-stub');
    expect(await rights(holder.runtime)).toEqual([]);
    expect(await can(`has_schema_privilege('${holder.runtime}', '${keys.schema}', 'USAGE')`)).toBe(false);

    await migrateAs(asOwner, withHolder, '--patient-keys', '--skip-infra');
    expect(await rights(holder.runtime)).toEqual(PATIENT_KEY_FUNCTIONS.holder);
  });

  it('refuses --only with --patient-keys', async () => {
    await expect(migrateAs(testDatabaseUrl(), withHolder, '--only', 'holder-stub', '--patient-keys', '--skip-infra')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--only and --patient-keys: give one of them'),
    });
  });
});
