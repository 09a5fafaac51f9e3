import { randomBytes } from 'node:crypto';
import { ERASED } from '@app/contracts';
import {
  PATIENT_KEY_ERASER,
  PATIENT_KEYRING,
  type PatientKeyEraser,
  type PatientKeyring,
  type PatientKeyRight,
  ServiceKitModule,
} from '@app/service-kit';
import { DataSource } from 'typeorm';
import { startServiceTestApp, type ServiceTestApp } from './service-test-app';
import { createTestPatientKeys, type TestPatientKeys } from './test-patient-keys';

/** Test apps with patient keys: a holder and the eraser on one schema of keys, each as its own runtime role. */
describe('startServiceTestApp with patientKeys (real Postgres, real roles)', () => {
  let keys: TestPatientKeys;
  const apps: ServiceTestApp[] = [];
  const start = async (name: string, right: PatientKeyRight) => {
    const app = await startServiceTestApp({
      service: name,
      migrations: [],
      ownRoles: true,
      patientKeys: { right, keys },
      module: ({ config, schema, patientKeysSchema }) =>
        ServiceKitModule.forRoot({ name, defaultPort: 0, schema, config, auth: false, patientKeys: right, patientKeysSchema }),
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    keys = await createTestPatientKeys();
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await keys?.drop();
  });

  it('a holder issues and reads as its runtime role; the eraser erases as its own; the holder then reads erased', async () => {
    const holder = await start('holder', 'holder');
    const eraser = await start('eraser', 'eraser');
    expect(holder.patientKeys?.schema).toBe(keys.schema);
    const [{ role }] = await holder.dataSource.query('SELECT current_user AS role');
    expect(role).toBe(holder.roles!.runtime);

    const keyring = holder.app.get<PatientKeyring>(PATIENT_KEYRING);
    const pseudonym = randomBytes(32).toString('hex');
    const token = await holder.app.get(DataSource).transaction(async (m) => (await keyring.sealerFor(pseudonym, m)).encrypt('Durand', 'row#field'));
    expect((await keyring.openerFor(pseudonym)).decrypt(token, 'row#field')).toBe('Durand');

    const erased = await eraser.app.get(DataSource).transaction((m) => eraser.app.get<PatientKeyEraser>(PATIENT_KEY_ERASER).erase(pseudonym, m));
    expect(erased).toEqual({ known: true, destroyed: 1 });
    expect((await keyring.openerFor(pseudonym)).decrypt(token, 'row#field')).toBe(ERASED);
    await expect(eraser.dataSource.query(`SELECT * FROM ${keys.schema}.data_keys_of($1)`, [pseudonym])).rejects.toThrow('permission denied for function data_keys_of');
  });

  it('grants a later app sharing the schema after an earlier one closed and its role is gone', async () => {
    await apps.shift()!.close();
    const later = await start('later', 'holder');
    const keyring = later.app.get<PatientKeyring>(PATIENT_KEYRING);
    const pseudonym = randomBytes(32).toString('hex');
    const token = await later.app.get(DataSource).transaction(async (m) => (await keyring.sealerFor(pseudonym, m)).encrypt('x', 'r#f'));
    expect((await keyring.openerFor(pseudonym)).decrypt(token, 'r#f')).toBe('x');
  });

  it('gives an app without shared keys a schema of its own, dropped on close', async () => {
    const alone = await startServiceTestApp({
      service: 'alone',
      migrations: [],
      patientKeys: { right: 'holder' },
      module: ({ config, schema, patientKeysSchema }) =>
        ServiceKitModule.forRoot({ name: 'alone', defaultPort: 0, schema, config, auth: false, patientKeys: 'holder', patientKeysSchema }),
    });
    const own = alone.patientKeys!.schema;
    expect(own).not.toBe(keys.schema);
    await alone.close();
    // Any role may read the catalog: the eraser app's connection will do.
    expect(await apps[0].dataSource.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`, [own])).toEqual([{ n: 0 }]);
  });
});
