import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serviceRoles } from '@app/service-kit';
import { dropTestRoles, testDatabaseUrl } from '@app/testing';
import { Client } from 'pg';
import { NO_TOPICS } from '../../apps/gateway/src/registry';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

describe('npm run migrate (scripts/platform/migrate.ts, real Postgres)', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = new Client({ connectionString: testDatabaseUrl() });
  const roles = serviceRoles(schema);
  const dir = mkdtempSync(join(tmpdir(), 'platform-migrate-'));
  const servicesFile = join(dir, 'services.json');
  const laterServicesFile = join(dir, 'services-later.json');

  const writeServices = (file: string, migrationsExport: string) => {
    const services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      {
        name: 'stub',
        port: 3999,
        entry: 'x.ts',
        prefixes: ['/v1/stubs'],
        schema,
        migrations: `scripts/platform/fixtures/stub-migrations.ts#${migrationsExport}`,
        topics: NO_TOPICS,
      },
    ];
    writeFileSync(file, JSON.stringify({ services }));
  };

  beforeAll(async () => {
    await db.connect();
    writeServices(servicesFile, 'migrations');
    writeServices(laterServicesFile, 'migrationsLater');
    // A database migrated before services had roles: the schema and its tables belong to postgres.
    await db.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.legacy_things (id serial PRIMARY KEY)`);
  });

  afterAll(async () => {
    // npm run migrate creates real roles, cluster-wide: drop them with the schema they own.
    await dropTestRoles(testDatabaseUrl(), roles);
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.end();
  });

  const migrate = (...args: string[]) => migrateWith(servicesFile, ...args);
  const migrateWith = (file: string, ...args: string[]) => migrateAs(testDatabaseUrl(), file, ...args);
  const migrateAs = (databaseUrl: string, file: string, ...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'scripts/platform/migrate.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, SERVICES_FILE: file, DATABASE_URL: databaseUrl },
    });
  const privilege = async (check: string): Promise<boolean> => (await db.query(`SELECT ${check} AS ok`)).rows[0].ok;

  it("creates each service's schema and runs its migrations there, once", async () => {
    const first = await migrate();
    expect(first.stdout).toContain(`stub (schema ${schema}, owner ${roles.owner}, runtime role ${roles.runtime}): ran `);
    expect(first.stdout).toContain('CreateStubThings1764400000000');
    const tables = await db.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['stub_things', 'migrations']));

    const second = await migrate('--only', 'stub');
    expect(second.stdout).toContain(`stub (schema ${schema}, owner ${roles.owner}, runtime role ${roles.runtime}): up to date`);
    const ran = await db.query(`SELECT name FROM ${schema}.migrations WHERE name = 'CreateStubThings1764400000000'`);
    expect(ran.rowCount).toBe(1);
  });

  it('makes the owner role own the schema and all in it, and gives the runtime role rows only', async () => {
    await migrate('--only', 'stub');
    const owners = await db.query(
      `SELECT c.relname, c.relowner::regrole::text AS owner FROM pg_class c WHERE c.relnamespace = $1::regnamespace ORDER BY 1`,
      [schema],
    );
    expect(owners.rows.length).toBeGreaterThan(4);
    expect(owners.rows.filter((row) => row.owner !== roles.owner)).toEqual([]);
    const [{ owner }] = (await db.query(`SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = $1`, [schema])).rows;
    expect(owner).toBe(roles.owner);

    const runtime = roles.runtime;
    expect(await privilege(`has_schema_privilege('${runtime}', '${schema}', 'USAGE')`)).toBe(true);
    expect(await privilege(`has_schema_privilege('${runtime}', '${schema}', 'CREATE')`)).toBe(false);
    expect(await privilege(`has_schema_privilege('${runtime}', 'public', 'CREATE')`)).toBe(false);
    expect(await privilege(`has_database_privilege('${runtime}', current_database(), 'TEMPORARY')`)).toBe(false);
    for (const table of ['stub_things', 'legacy_things', 'idempotency_keys', 'migrations']) {
      expect(await privilege(`has_table_privilege('${runtime}', '${schema}.${table}', 'SELECT, INSERT, UPDATE, DELETE')`)).toBe(true);
      expect(await privilege(`has_table_privilege('${runtime}', '${schema}.${table}', 'TRUNCATE')`)).toBe(false);
    }
    expect(await privilege(`has_sequence_privilege('${runtime}', '${schema}.legacy_things_id_seq', 'USAGE')`)).toBe(true);
    const [attributes] = (await db.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = $1`, [runtime])).rows;
    expect(attributes).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true });
  });

  it('grants what a later migration creates, run as the owner role itself as a cluster\'s migration Job runs it, and what the owner creates by itself (default privileges)', async () => {
    const asOwner = new URL(testDatabaseUrl());
    asOwner.username = roles.owner;
    const later = await migrateAs(asOwner.toString(), laterServicesFile, '--only', 'stub', '--skip-infra');
    expect(later.stdout).toContain('ran CreateStubLaterThings1764400000001');
    expect(await privilege(`has_table_privilege('${roles.runtime}', '${schema}.stub_later_things', 'SELECT, INSERT, UPDATE, DELETE')`)).toBe(true);
    expect(await privilege(`has_sequence_privilege('${roles.runtime}', '${schema}.stub_later_things_id_seq', 'USAGE, UPDATE')`)).toBe(true);

    await db.query(`SET ROLE ${roles.owner}; CREATE TABLE ${schema}.made_by_owner (id int); RESET ROLE`);
    expect(await privilege(`has_table_privilege('${roles.runtime}', '${schema}.made_by_owner', 'SELECT, INSERT, UPDATE, DELETE')`)).toBe(true);
  });

  it('names an unknown --only service', async () => {
    await expect(migrate('--only', 'nope', '--skip-infra')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--only nope: no such service in services.json'),
    });
  });
});
