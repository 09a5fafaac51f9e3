import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { CreateOutbox1764300000000 } from '@app/messaging';
import { DataSource } from 'typeorm';
import { ServiceConfigModule } from '../config/service-config.module';
import { loadPlatformConfig } from '../config/load-platform-config';
import { DatabaseModule } from './database.module';
import { runMigrations } from './run-migrations';

describe('runMigrations and DatabaseModule (real Postgres)', () => {
  const config = loadPlatformConfig(process.env, { defaultPort: 3999 });
  const schema = `t_kit_${randomBytes(5).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: config.DATABASE_URL, extra: { max: 1 } });

  beforeAll(() => admin.initialize());
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.destroy();
  });

  it('creates the schema and runs the kit and service migrations once', async () => {
    expect(await runMigrations(config, schema, [CreateOutbox1764300000000])).toEqual([
      'CreateOutbox1764300000000',
      'CreateIdempotencyKeys1764300000500',
    ]);
    expect(await runMigrations(config, schema, [CreateOutbox1764300000000])).toEqual([]);
    const tables = await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['idempotency_keys', 'migrations', 'outbox']);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(runMigrations(config, 'x; DROP TABLE y', [])).rejects.toThrow('Invalid schema name');
  });

  it('connects the service with its schema first on the search_path, never synchronizing', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceConfigModule.forRoot({ name: 'db-test', config }), DatabaseModule.forRoot({ schema })],
    }).compile();
    const app = await moduleRef.init();
    try {
      const dataSource = app.get(DataSource);
      const [{ search_path }] = await dataSource.query('SHOW search_path');
      expect(search_path).toBe(schema);
      expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
      expect(dataSource.options.synchronize).toBe(false);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await app.close();
    }
  });
});
