import { NO_TOPICS, type ServiceEntry } from '../../../apps/gateway/src/registry';
import { serviceEnvironments } from '../service-env';
import { databaseRoles } from './database-roles';

const services: ServiceEntry[] = [
  { name: 'gateway', port: 3000, entry: 'g.ts', prefixes: [], topics: NO_TOPICS },
  { name: 'prescription', port: 3002, entry: 'p.ts', prefixes: ['/v1/prescriptions'], schema: 'prescription', topics: NO_TOPICS },
];

describe('database-roles (npm start: each service its own DATABASE_URL)', () => {
  const saved = process.env.DATABASE_URL;
  beforeEach(() => (process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ch_local'));
  afterEach(() => (process.env.DATABASE_URL = saved));

  it("connects a service with a schema as its runtime role, and leaves the gateway no database URL at all", async () => {
    const environments = await serviceEnvironments(services, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ch_local' }, [databaseRoles]);
    expect(environments.get('prescription')?.DATABASE_URL).toBe('postgres://prescription@127.0.0.1:5432/ch_local');
    // Empty counts as unset for the configuration: the superuser URL of npm start is not passed on.
    expect(environments.get('gateway')?.DATABASE_URL).toBe('');
  });
});
