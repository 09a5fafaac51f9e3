import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from './test-database';
import { createTestRoles, dropTestRoles } from './test-roles';

const unique = () => `t_roles_${randomBytes(5).toString('hex')}`;

describe('test roles (cluster-wide, so dropped and swept)', () => {
  const admin = new Client({ connectionString: testDatabaseUrl() });
  const roleExists = async (role: string) => (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;

  beforeAll(() => admin.connect());
  afterAll(() => admin.end());

  it('creates the owner and runtime roles of a schema, and drops them with the schema', async () => {
    const roles = await createTestRoles(testDatabaseUrl(), unique());
    expect(await roleExists(roles.owner)).toBe(true);
    expect(await roleExists(roles.runtime)).toBe(true);
    await dropTestRoles(testDatabaseUrl(), roles);
    expect(await roleExists(roles.owner)).toBe(false);
    expect(await roleExists(roles.runtime)).toBe(false);
    expect((await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [roles.schema])).rowCount).toBe(0);
  });

  it('sweeps the test roles a crashed run left more than an hour ago, and no other role', async () => {
    const crashed = unique();
    const recent = unique();
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    await admin.query(`CREATE ROLE ${crashed}; COMMENT ON ROLE ${crashed} IS 'connected-health test role, created at ${twoHoursAgo}'`);
    await admin.query(`CREATE ROLE ${recent}; COMMENT ON ROLE ${recent} IS 'connected-health test role, created at ${Date.now()}'`);
    const roles = await createTestRoles(testDatabaseUrl(), unique());
    try {
      expect(await roleExists(crashed)).toBe(false);
      expect(await roleExists(recent)).toBe(true);
      expect(await roleExists('postgres')).toBe(true);
    } finally {
      await dropTestRoles(testDatabaseUrl(), roles);
      await admin.query(`DROP ROLE IF EXISTS ${recent}`);
      await admin.query(`DROP ROLE IF EXISTS ${crashed}`);
    }
  });
});
