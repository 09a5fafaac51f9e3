import { randomBytes } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateSigningKey } from '@app/audit';
import { EventSourcingModule, eventStoreMigrations } from '@app/event-sourcing';
import { OutboxSignal } from '@app/messaging';
import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { configureServiceApp } from '../bootstrap/configure-service-app';
import { ServiceKitModule } from '../bootstrap/service-kit.module';
import { loadPlatformConfig } from '../config/load-platform-config';
import { runMigrations } from '../database/run-migrations';
import type { ReadinessOptions } from '../observability/health/readiness-options';

export interface KitTestApp {
  app: INestApplication;
  schema: string;
  /** A plain connection to the test schema, to look at what the kit stored. */
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A service made of the kit plus the given controllers, on a fresh schema of
 * the real Postgres, with the real JWT guard, listening on an ephemeral port
 * (so concurrent supertest requests share one server).
 */
export async function startKitTestApp(options: {
  controllers?: Type[];
  readiness?: ReadinessOptions;
  /** Adds the event store and the command pipeline, with this relay wake-up signal. */
  commands?: { signal: OutboxSignal };
}): Promise<KitTestApp> {
  const config = loadPlatformConfig(process.env, { defaultPort: 3999 });
  const schema = `t_kit_${randomBytes(5).toString('hex')}`;
  await runMigrations(config, schema, options.commands ? eventStoreMigrations : []);
  const commands = options.commands ? [signalModule(options.commands.signal), EventSourcingModule.forRoot({ service: 'kit-test', signingKey: generateSigningKey() })] : [];
  const moduleRef = await Test.createTestingModule({
    imports: [
      ServiceKitModule.forRoot({ name: 'kit-test', schema, config, readiness: options.readiness }),
      ...commands,
    ],
    controllers: options.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication();
  configureServiceApp(app, 'kit-test');
  await app.listen(0, '127.0.0.1');
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    extra: { max: 1, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  return {
    app,
    schema,
    dataSource,
    async close() {
      await app.close();
      await dataSource.query(`DROP SCHEMA ${schema} CASCADE`);
      await dataSource.destroy();
    },
  };
}

/** What the messaging module would provide: the relay's wake-up, here the test's own. */
function signalModule(signal: OutboxSignal) {
  @Global()
  @Module({ providers: [{ provide: OutboxSignal, useValue: signal }], exports: [OutboxSignal] })
  class KitTestSignalModule {}
  return KitTestSignalModule;
}
