import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { testDatabaseUrl } from '@app/testing';
import { Client } from 'pg';
import { NO_TOPICS } from '../../apps/gateway/src/registry';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

describe('npm run migrate (scripts/platform/migrate.ts, real Postgres)', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = new Client({ connectionString: testDatabaseUrl() });
  let servicesFile: string;

  beforeAll(async () => {
    await db.connect();
    servicesFile = join(mkdtempSync(join(tmpdir(), 'platform-migrate-')), 'services.json');
    const services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      {
        name: 'stub',
        port: 3999,
        entry: 'x.ts',
        prefixes: ['/v1/stubs'],
        schema,
        migrations: 'scripts/platform/fixtures/stub-migrations.ts#migrations',
        topics: NO_TOPICS,
      },
    ];
    writeFileSync(servicesFile, JSON.stringify({ services }));
  });

  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.end();
  });

  const migrate = (...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'scripts/platform/migrate.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, SERVICES_FILE: servicesFile },
    });

  it("creates each service's schema and runs its migrations there, once", async () => {
    const first = await migrate();
    expect(first.stdout).toContain(`stub (schema ${schema}): ran `);
    expect(first.stdout).toContain('CreateStubThings1764400000000');
    const tables = await db.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['stub_things', 'migrations']));

    const second = await migrate('--only', 'stub');
    expect(second.stdout).toContain(`stub (schema ${schema}): up to date`);
    const ran = await db.query(`SELECT name FROM ${schema}.migrations WHERE name = 'CreateStubThings1764400000000'`);
    expect(ran.rowCount).toBe(1);
  });

  it('names an unknown --only service', async () => {
    await expect(migrate('--only', 'nope', '--skip-infra')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--only nope: no such service in services.json'),
    });
  });
});
