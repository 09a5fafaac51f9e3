import type { Signer } from '@app/audit';
import {
  CLOCK,
  configureServiceApp,
  databaseUrlAs,
  grantRuntimeRole,
  loadPlatformConfig,
  runMigrations,
  type Clock,
  type PatientKeyRight,
  type PlatformConfig,
  type ServiceRoles,
} from '@app/service-kit';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestPatientKeys, type TestPatientKeys } from './test-patient-keys';
import { createTestRoles, dropTestRoles } from './test-roles';
import { testSigningKey } from './test-signing-keys';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MigrationClass = new () => any;

/** A clock the test moves by hand, to let validity periods and prescriptions run out. */
export class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface ServiceTestApp {
  app: INestApplication;
  dataSource: DataSource;
  clock: MovableClock;
  schema: string;
  config: PlatformConfig;
  /** The schema's roles, when the app runs as its runtime role (`ownRoles`). */
  roles?: ServiceRoles;
  /** The registry entry of the key this app seals its audit entries with. */
  signer: Signer;
  /** The patient keys schema it uses, when it was started with `patientKeys`. */
  patientKeys?: TestPatientKeys;
  close(): Promise<void>;
}

export interface ServiceTestAppOptions<C extends PlatformConfig> {
  service: string;
  migrations: MigrationClass[];
  /** The service's root module for this schema and configuration (and patient keys schema: its `patientKeysSchema`). */
  module: (context: { config: C; schema: string; patientKeysSchema?: string }) => DynamicModule;
  /** A service whose configuration extends the platform's passes its loader. */
  loadConfig?: (env: NodeJS.ProcessEnv, options: { defaultPort: number }) => C;
  /**
   * Migrate as the schema's owner role and run the app as its runtime role,
   * exactly the privileges `npm start` gives the service. Off by default: it
   * creates (and drops) two cluster-wide roles, so only the specs about
   * privileges pay for it.
   */
  ownRoles?: boolean;
  /**
   * The app's right on patient keys (its ServiceKitModule declares the same): a patient keys
   * schema of its own, dropped on close, or `keys` shared with another test app (a holder
   * and the eraser); with `ownRoles` its runtime role is granted the right.
   */
  patientKeys?: { right: PatientKeyRight; keys?: TestPatientKeys };
  /**
   * The schema of an app of the same service that was stopped (its `app.close()`, not its
   * `close()`): the service coming back on what it left, as a restarted process does.
   */
  schema?: string;
  /**
   * Every level of the framework's logger too (consumers, relays, jobs), not only errors: a
   * test that reads the logs (the privacy scan) must see all of them. The framework's logger is
   * one per process, so every app of the test then logs at every level.
   */
  allLogs?: boolean;
}

/**
 * A real service on a fresh schema of the real Postgres, with the real Kafka
 * and Redis: only the clock is the test's. Each test file gets its own schema,
 * so files never see each other's rows.
 */
export async function startServiceTestApp<C extends PlatformConfig>(options: ServiceTestAppOptions<C>): Promise<ServiceTestApp> {
  const schema = options.schema ?? `t_${options.service.replace(/[^a-z]/g, '').slice(0, 12)}_${randomBytes(5).toString('hex')}`;
  const load = options.loadConfig ?? ((env, opts) => loadPlatformConfig(env, opts) as C);
  // Each test app seals with its service's test key, given as a deployment gives it: through the environment.
  const key = testSigningKey(options.service);
  const adminConfig = load({ ...process.env, AUDIT_SIGNING_KEY: key.privateKeyPem, AUDIT_SIGNING_KEY_FILE: undefined }, { defaultPort: 0 });
  const roles = options.ownRoles ? await createTestRoles(adminConfig.DATABASE_URL, schema) : undefined;
  const clock = new MovableClock();
  let app: INestApplication;
  let config: C;
  let ownKeys: TestPatientKeys | undefined;
  let keys: TestPatientKeys | undefined;
  try {
    if (options.patientKeys) {
      ownKeys = options.patientKeys.keys ? undefined : await createTestPatientKeys();
      keys = options.patientKeys.keys ?? ownKeys;
    }
    await runMigrations(adminConfig, schema, options.migrations, { asRole: roles?.owner });
    if (roles) await grantRuntimeRole(adminConfig.DATABASE_URL, roles, roles.owner);
    if (roles && keys && options.patientKeys) await keys.allow(options.patientKeys.right, roles.runtime);
    config = roles ? { ...adminConfig, DATABASE_URL: databaseUrlAs(adminConfig.DATABASE_URL, roles.runtime) } : adminConfig;
    const moduleRef = await Test.createTestingModule({ imports: [options.module({ config, schema, patientKeysSchema: keys?.schema })] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ logger: options.allLogs ? ['error', 'warn', 'log', 'debug', 'verbose', 'fatal'] : ['error'] });
    configureServiceApp(app, options.service);
    await app.init();
  } catch (error) {
    // Cluster-wide roles must not outlive a start that failed (the sweep would only catch them an hour later).
    if (roles) await dropTestRoles(adminConfig.DATABASE_URL, roles).catch(() => undefined);
    await ownKeys?.drop().catch(() => undefined);
    throw error;
  }
  return {
    app,
    dataSource: app.get(DataSource),
    clock,
    schema,
    config,
    roles,
    signer: key.signer,
    patientKeys: keys,
    async close() {
      await app.close();
      if (roles) await dropTestRoles(adminConfig.DATABASE_URL, roles);
      else await dropSchema(adminConfig.DATABASE_URL, schema);
      await ownKeys?.drop();
    },
  };
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: databaseUrl, extra: { max: 1 } });
  await admin.initialize();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.destroy();
  }
}
