import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfiguredMasterKeyWrapper, fieldAad } from '@app/fr-health';
import { PgPatientKeyring } from '@app/service-kit';
import { createTestPatientKeys, testDatabaseUrl, type TestPatientKeys } from '@app/testing';
import { DataSource } from 'typeorm';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);
const hex = () => randomBytes(32).toString('hex');

describe('npm run rotate-keys (scripts/platform/rotate-keys.ts, real Postgres)', () => {
  const [K1, K2] = [hex(), hex()];
  let keys: TestPatientKeys;
  let admin: DataSource;
  const tokens: { pseudonym: string; token: string }[] = [];
  const aad = fieldAad('prescription:r', 'patient.identity');

  const rotate = (masterKeys: string, ...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'scripts/platform/rotate-keys.ts', '--schema', keys.schema, ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: testDatabaseUrl(), PATIENT_MASTER_KEYS: masterKeys },
    });

  beforeAll(async () => {
    keys = await createTestPatientKeys();
    admin = await new DataSource({ type: 'postgres', url: testDatabaseUrl(), extra: { max: 1 } }).initialize();
    const keyring = new PgPatientKeyring(admin, ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`), { schema: keys.schema });
    for (let i = 0; i < 3; i += 1) {
      const pseudonym = randomBytes(32).toString('hex');
      const token = await admin.transaction(async (manager) => (await keyring.sealerFor(pseudonym, manager)).encrypt(`patient ${i}`, aad));
      tokens.push({ pseudonym, token });
    }
  });
  afterAll(async () => {
    await admin?.destroy();
    await keys?.drop();
  });

  it('runs as the rotator role: without its rights it cannot re-wrap', async () => {
    await admin.query(`REVOKE EXECUTE ON FUNCTION ${keys.schema}.rewrap_data_key(text, integer, integer, bytea, integer, bytea) FROM ${keys.roles.runtime}`);
    try {
      await expect(rotate(`2:${K2},1:${K1}`)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('permission denied for function rewrap_data_key') });
    } finally {
      await keys.grant({ holders: [], erasers: [] });
    }
  });

  it('re-wraps every key in batches, then nothing on a second run; the data opens with the new version alone', async () => {
    const first = await rotate(`2:${K2},1:${K1}`, '--batch-size', '2');
    expect(first.stdout).toContain(`re-wrapping under master key version 2 (configured: 2, 1), schema ${keys.schema}`);
    expect(first.stdout).toContain('batch 2: 3 re-wrapped so far');
    expect(first.stdout).toContain('done: 3 data keys re-wrapped under version 2 in 2 batches, 0 changed meanwhile (erased or re-wrapped by another run), 0 failed');
    expect(first.stdout).toContain('every live data key is under version 2: older versions may be removed from PATIENT_MASTER_KEYS');
    const second = await rotate(`2:${K2},1:${K1}`);
    expect(second.stdout).toContain('done: 0 data keys re-wrapped under version 2 in 0 batches');

    const onlyNew = new PgPatientKeyring(admin, ConfiguredMasterKeyWrapper.fromConfig(`2:${K2}`), { schema: keys.schema });
    for (const [i, { pseudonym, token }] of tokens.entries()) expect((await onlyNew.openerFor(pseudonym)).decrypt(token, aad)).toBe(`patient ${i}`);
  });

  it('names the keys it cannot unwrap, keeps going, and fails so the old version is not removed', async () => {
    const failed = rotate(`3:${hex()}`);
    await expect(failed).rejects.toMatchObject({ code: 1 });
    const { stdout } = (await failed.catch((error: { stdout: string }) => error)) as { stdout: string };
    for (const { pseudonym } of tokens) {
      expect(stdout).toContain(`NOT re-wrapped: patient ${pseudonym} generation 1: master key version 2 is not configured (configured versions: 3)`);
    }
    expect(stdout).toContain('done: 0 data keys re-wrapped under version 3 in 1 batches, 0 changed meanwhile (erased or re-wrapped by another run), 3 failed');
    expect(stdout).toContain('keep the older versions in PATIENT_MASTER_KEYS');
  });

  it('refuses a malformed PATIENT_MASTER_KEYS, naming it', async () => {
    await expect(rotate('2:abc')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('PATIENT_MASTER_KEYS entry 1 must be') });
  });
});
