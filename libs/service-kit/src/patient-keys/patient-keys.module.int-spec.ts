import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { createTestPatientKeys, dropSchema, type TestPatientKeys } from '@app/testing';
import { DataSource } from 'typeorm';
import { loadPlatformConfig } from '../config/load-platform-config';
import { ServiceConfigModule } from '../config/service-config.module';
import { DatabaseModule } from '../database/database.module';
import { runMigrations } from '../database/run-migrations';
import { serviceFeatures } from '../bootstrap/service-features';
import { PATIENT_KEY_ERASER, PATIENT_KEYRING, type PatientKeyEraser, type PatientKeyring } from './patient-keyring';
import { PgPatientKeyEraser } from './pg-patient-key-eraser';
import { PgPatientKeyring } from './pg-patient-keyring';

/** A service asks for its patient keys by declaration (ServiceKitOptions.patientKeys), and gets only what its right allows. */
describe('patientKeys of ServiceKitOptions (Nest wiring, real Postgres)', () => {
  const config = loadPlatformConfig(process.env, { defaultPort: 3999 });
  const schema = `t_pkmod_${randomBytes(5).toString('hex')}`;
  let keys: TestPatientKeys;

  beforeAll(async () => {
    keys = await createTestPatientKeys();
    await runMigrations(config, schema, []);
  });
  afterAll(async () => {
    await keys?.drop();
    await dropSchema(config.DATABASE_URL, schema);
  });

  const compile = (patientKeys: 'holder' | 'eraser') =>
    Test.createTestingModule({
      imports: [
        ServiceConfigModule.forRoot({ name: 'keys-test', config }),
        DatabaseModule.forRoot({ schema }),
        ...serviceFeatures({ name: 'keys-test', schema, auth: false, patientKeys, patientKeysSchema: keys.schema }),
      ],
    }).compile();

  it('gives a holder its keyring over the service DataSource, and no eraser', async () => {
    const moduleRef = await compile('holder');
    const app = await moduleRef.init();
    try {
      const keyring = app.get<PatientKeyring>(PATIENT_KEYRING);
      expect(keyring).toBeInstanceOf(PgPatientKeyring);
      expect(() => app.get(PATIENT_KEY_ERASER)).toThrow();
      const pseudonym = randomBytes(32).toString('hex');
      const token = await app.get(DataSource).transaction(async (manager) => (await keyring.sealerFor(pseudonym, manager)).encrypt('x', 'row#field'));
      expect((await keyring.openerFor(pseudonym)).decrypt(token, 'row#field')).toBe('x');
    } finally {
      await app.close();
    }
  });

  it('gives the eraser its eraser, and no keyring', async () => {
    const moduleRef = await compile('eraser');
    const app = await moduleRef.init();
    try {
      expect(app.get<PatientKeyEraser>(PATIENT_KEY_ERASER)).toBeInstanceOf(PgPatientKeyEraser);
      expect(() => app.get(PATIENT_KEYRING)).toThrow();
    } finally {
      await app.close();
    }
  });

  it('refuses patient keys without a schema', () => {
    expect(() => serviceFeatures({ name: 'x', auth: false, patientKeys: 'holder' })).toThrow("patientKeys 'holder' needs a schema");
  });
});
