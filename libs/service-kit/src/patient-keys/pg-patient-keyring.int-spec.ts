import { randomBytes } from 'node:crypto';
import { ERASED } from '@app/contracts';
import { CiphertextAuthenticationError, ConfiguredMasterKeyWrapper, fieldAad, type MasterKeyWrapper } from '@app/fr-health';
import { commitmentMatches } from '@app/audit';
import { createTestPatientKeys, createTestRoles, dropTestRoles, testDatabaseUrl, type TestPatientKeys } from '@app/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { databaseUrlAs, type ServiceRoles } from '../database/service-roles';
import { PATIENT_KEY_FUNCTIONS } from './patient-key-rights';
import { PgPatientKeyEraser } from './pg-patient-key-eraser';
import { PgPatientKeyring } from './pg-patient-keyring';
import { rotatePatientKeys } from './rotate-patient-keys';
import { PatientKeysStore } from './patient-keys.store';

const hex = () => randomBytes(32).toString('hex');
const newPseudonym = () => randomBytes(32).toString('hex');
const K1 = hex();
const K2 = hex();
const aad = (row: string) => fieldAad(`prescription:${row}`, 'patient.identity');

/** Counts unwraps, as a KMS would bill them. */
class CountingWrapper implements MasterKeyWrapper {
  unwraps = 0;
  constructor(private readonly inner: MasterKeyWrapper) {}
  get currentVersion() {
    return this.inner.currentVersion;
  }
  wrap(dataKey: Buffer, keyAad: string) {
    return this.inner.wrap(dataKey, keyAad);
  }
  unwrap(wrapped: Parameters<MasterKeyWrapper['unwrap']>[0], keyAad: string) {
    this.unwraps += 1;
    return this.inner.unwrap(wrapped, keyAad);
  }
}

describe('patient keys: PgPatientKeyring, PgPatientKeyEraser and rotation (real Postgres, real roles)', () => {
  let keys: TestPatientKeys;
  let holder: ServiceRoles;
  let eraser: ServiceRoles;
  let stranger: ServiceRoles;
  const sources: DataSource[] = [];
  let admin: DataSource;
  let asHolder: DataSource;
  let asEraser: DataSource;
  let asStranger: DataSource;
  let asRotator: DataSource;
  let keyring: PgPatientKeyring;
  let erasePatient: (pseudonym: string) => Promise<{ known: boolean; destroyed: number }>;

  const connect = async (role?: string) => {
    const source = new DataSource({ type: 'postgres', url: role ? databaseUrlAs(testDatabaseUrl(), role) : testDatabaseUrl(), extra: { max: 3 } });
    sources.push(await source.initialize());
    return source;
  };
  /** Writes `plaintext` for the patient in its own transaction, as a first prescription would. */
  const write = async (pseudonym: string, row: string, plaintext: string, ring: PgPatientKeyring = keyring) =>
    asHolder.transaction(async (manager) => {
      const sealer = await ring.sealerFor(pseudonym, manager);
      return { generation: sealer.generation, token: sealer.encrypt(plaintext, aad(row)) };
    });
  const read = async (pseudonym: string, row: string, token: string, ring: PgPatientKeyring = keyring) =>
    (await ring.openerFor(pseudonym)).decrypt(token, aad(row));
  const rowsOf = (pseudonym: string) =>
    admin.query(`SELECT generation, master_version, wrapped IS NULL AS gone, destroyed_at IS NOT NULL AS destroyed FROM ${keys.schema}.data_keys WHERE pseudonym = $1 ORDER BY generation`, [
      pseudonym,
    ]);

  beforeAll(async () => {
    const tag = randomBytes(4).toString('hex');
    holder = await createTestRoles(testDatabaseUrl(), `t_holder_${tag}`);
    eraser = await createTestRoles(testDatabaseUrl(), `t_eraser_${tag}`);
    stranger = await createTestRoles(testDatabaseUrl(), `t_stranger_${tag}`);
    keys = await createTestPatientKeys({ holders: [holder.runtime], erasers: [eraser.runtime] });
    admin = await connect();
    asHolder = await connect(holder.runtime);
    asEraser = await connect(eraser.runtime);
    asStranger = await connect(stranger.runtime);
    asRotator = await connect(keys.roles.runtime);
    keyring = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`), { schema: keys.schema });
    const keyEraser = new PgPatientKeyEraser({ schema: keys.schema });
    erasePatient = (pseudonym) => asEraser.transaction((manager) => keyEraser.erase(pseudonym, manager));
  });

  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await keys?.drop();
    for (const roles of [holder, eraser, stranger]) if (roles) await dropTestRoles(testDatabaseUrl(), roles);
  });

  it("issues a patient's key on the first write and opens what was written under it; texts keep their commitment", async () => {
    const patient = newPseudonym();
    const { generation, token } = await write(patient, 'p1', '{"nir":"184037512345690"}');
    expect(generation).toBe(1);
    expect(await read(patient, 'p1', token)).toBe('{"nir":"184037512345690"}');
    expect(await rowsOf(patient)).toEqual([{ generation: 1, master_version: 1, gone: false, destroyed: false }]);

    const sealed = await asHolder.transaction(async (manager) => (await keyring.sealerFor(patient, manager)).sealText('Mme Martin refuse', aad('p1')));
    const opened = (await keyring.openerFor(patient)).openText(sealed, aad('p1'));
    expect(opened).toEqual({ text: 'Mme Martin refuse', salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(opened !== ERASED && commitmentMatches(sealed.commitment, opened.salt, opened.text)).toBe(true);
  });

  it('does not open a ciphertext moved to another row, nor a wrapped key copied to another patient', async () => {
    const [alice, bob] = [newPseudonym(), newPseudonym()];
    const { token } = await write(alice, 'a1', 'Alice');
    await write(bob, 'b1', 'Bob');
    await expect(read(alice, 'a2', token)).rejects.toThrow(CiphertextAuthenticationError);
    await expect(read(bob, 'a1', token)).rejects.toThrow(CiphertextAuthenticationError);
    // Someone with the table copies Alice's wrapped key onto Bob's row: it is bound to Alice and does not unwrap.
    await admin.query(`UPDATE ${keys.schema}.data_keys b SET wrapped = a.wrapped FROM ${keys.schema}.data_keys a WHERE a.pseudonym = $1 AND b.pseudonym = $2`, [alice, bob]);
    const fresh = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`), { schema: keys.schema });
    await expect(fresh.openerFor(bob)).rejects.toThrow(CiphertextAuthenticationError);
    // Nor does rotation re-wrap it: it is named, and left for a human.
    const rotation = await rotatePatientKeys(asRotator, ConfiguredMasterKeyWrapper.fromConfig(`2:${K2},1:${K1}`), { schema: keys.schema });
    expect(rotation.failed).toEqual([{ pseudonym: bob, generation: 1, reason: expect.stringContaining('failed authentication') }]);
    expect(await rowsOf(bob)).toEqual([{ generation: 1, master_version: 1, gone: false, destroyed: false }]);
    await admin.query(`DELETE FROM ${keys.schema}.data_keys WHERE pseudonym = $1`, [bob]);
  });

  it("two patients, one erased: the other's data is intact, the erased one's reads erased; a second erasure destroys nothing", async () => {
    const [erased, kept] = [newPseudonym(), newPseudonym()];
    const gone = await write(erased, 'e1', 'Jeanne Martin');
    const text = await asHolder.transaction(async (manager) => (await keyring.sealerFor(erased, manager)).sealText('named in a reason', aad('e1')));
    const stays = await write(kept, 'k1', 'Paul Durand');

    expect(await erasePatient(erased)).toEqual({ known: true, destroyed: 1 });
    expect(await erasePatient(erased)).toEqual({ known: true, destroyed: 0 });
    expect(await erasePatient(newPseudonym())).toEqual({ known: false, destroyed: 0 });

    expect(await read(erased, 'e1', gone.token)).toBe(ERASED);
    expect((await keyring.openerFor(erased)).openText(text, aad('e1'))).toBe(ERASED);
    expect(await read(kept, 'k1', stays.token)).toBe('Paul Durand');
    expect(await rowsOf(erased)).toEqual([{ generation: 1, master_version: 1, gone: true, destroyed: true }]);
  });

  it('after an erasure a new write gets generation 2: generation-1 ciphertexts read erased, new ones read', async () => {
    const patient = newPseudonym();
    const before = await write(patient, 'r1', 'before');
    await erasePatient(patient);
    const after = await write(patient, 'r2', 'after');
    expect(after.generation).toBe(2);
    expect(await read(patient, 'r1', before.token)).toBe(ERASED);
    expect(await read(patient, 'r2', after.token)).toBe('after');
    expect(await erasePatient(patient)).toEqual({ known: true, destroyed: 1 });
    expect(await read(patient, 'r2', after.token)).toBe(ERASED);
  });

  it('gives two concurrent first writes of a patient the same key, and stores one', async () => {
    const patient = newPseudonym();
    const other = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`), { schema: keys.schema });
    let firstIssued!: () => void;
    const issued = new Promise<void>((resolve) => (firstIssued = resolve));
    const first = asHolder.transaction(async (manager) => {
      const sealer = await keyring.sealerFor(patient, manager);
      firstIssued();
      // Still uncommitted while the second writer asks: it waits on the patient's lock, then finds this key.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { generation: sealer.generation, token: sealer.encrypt('first', aad('c1')) };
    });
    await issued;
    const second = write(patient, 'c2', 'second', other);
    const [a, b] = await Promise.all([first, second]);
    expect([a.generation, b.generation]).toEqual([1, 1]);
    expect(await rowsOf(patient)).toHaveLength(1);
    const opener = await keyring.openerFor(patient);
    expect([opener.decrypt(a.token, aad('c1')), opener.decrypt(b.token, aad('c2'))]).toEqual(['first', 'second']);
  });

  it('keeps no key of a first write whose transaction rolled back', async () => {
    const patient = newPseudonym();
    await expect(
      asHolder.transaction(async (manager) => {
        await keyring.sealerFor(patient, manager);
        throw new Error('the prescription was refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rowsOf(patient)).toEqual([]);
    const { generation, token } = await write(patient, 'rb', 'again');
    expect(generation).toBe(1);
    expect(await read(patient, 'rb', token)).toBe('again');
  });

  it('keysFor: a sealer and an opener from one read of the generations, issuing a first key, opening an erased generation as erased', async () => {
    const patient = newPseudonym();
    /** The transaction's manager, counting the reads of the patient's generations. */
    const counted = async <T>(step: (manager: EntityManager) => Promise<T>) => {
      let reads = 0;
      const result = await asHolder.transaction((manager) => {
        const query = manager.query.bind(manager);
        manager.query = ((sql: string, parameters?: unknown[]) => {
          if (sql.includes('data_keys_of(')) reads += 1;
          return query(sql, parameters);
        }) as EntityManager['query'];
        return step(manager);
      });
      return { result, reads };
    };
    // A first write: the key is issued in the transaction, and the opener of the same call opens what it seals.
    const first = await counted(async (manager) => {
      const { sealer, opener } = await keyring.keysFor(patient, manager);
      const token = sealer.encrypt('first', aad('k1'));
      return { generation: sealer.generation, token, opened: opener.decrypt(token, aad('k1')) };
    });
    expect(first).toEqual({ result: { generation: 1, token: expect.any(String), opened: 'first' }, reads: 1 });
    // After an erasure: generation 1 reads erased, the re-issued generation 2 opens; still one read.
    await erasePatient(patient);
    const second = await counted(async (manager) => {
      const { sealer, opener } = await keyring.keysFor(patient, manager);
      const token = sealer.encrypt('second', aad('k2'));
      return { generation: sealer.generation, old: opener.decrypt(first.result.token, aad('k1')), opened: opener.decrypt(token, aad('k2')) };
    });
    expect(second).toEqual({ result: { generation: 2, old: ERASED, opened: 'second' }, reads: 1 });
    // An existing live key: no issue, one read, and the opener still knows every generation.
    const third = await counted(async (manager) => {
      const { sealer, opener } = await keyring.keysFor(patient, manager);
      return { generation: sealer.generation, old: opener.decrypt(first.result.token, aad('k1')) };
    });
    expect(third).toEqual({ result: { generation: 2, old: ERASED }, reads: 1 });
  });

  it('liveKeysFor: one read, never issues: no sealer for a patient never written for or erased, the live one otherwise', async () => {
    const patient = newPseudonym();
    const none = await asHolder.transaction((manager) => keyring.liveKeysFor(patient, manager));
    expect(none.sealer).toBeNull();
    expect(await rowsOf(patient)).toEqual([]);
    const { token } = await write(patient, 'l1', 'kept');
    const live = await asHolder.transaction(async (manager) => {
      const { sealer, opener } = await keyring.liveKeysFor(patient, manager);
      return { generation: sealer?.generation, opened: opener.decrypt(token, aad('l1')), resealed: sealer!.encrypt('again', aad('l2')) };
    });
    expect(live).toMatchObject({ generation: 1, opened: 'kept' });
    expect(await read(patient, 'l2', live.resealed)).toBe('again');
    await erasePatient(patient);
    const erased = await asHolder.transaction(async (manager) => {
      const { sealer, opener } = await keyring.liveKeysFor(patient, manager);
      return { sealer, opened: opener.decrypt(token, aad('l1')) };
    });
    expect(erased).toEqual({ sealer: null, opened: ERASED });
    expect(await rowsOf(patient)).toEqual([{ generation: 1, master_version: 1, gone: true, destroyed: true }]);
  });

  it('unwraps a key once while cached, and again after forget', async () => {
    const counting = new CountingWrapper(ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`));
    const ring = new PgPatientKeyring(asHolder, counting, { schema: keys.schema });
    const patient = newPseudonym();
    const { token } = await write(patient, 'x1', 'cached', ring);
    expect(counting.unwraps).toBe(0);
    expect(await read(patient, 'x1', token, ring)).toBe('cached');
    expect(await read(patient, 'x1', token, ring)).toBe('cached');
    expect(counting.unwraps).toBe(0);
    ring.forget(patient);
    expect(await read(patient, 'x1', token, ring)).toBe('cached');
    expect(counting.unwraps).toBe(1);
  });

  describe('who may do what', () => {
    const table = () => `${keys.schema}.data_keys`;
    const call = (source: DataSource, signature: string) => {
      const name = signature.slice(0, signature.indexOf('('));
      const args: Record<string, unknown[]> = {
        data_keys_of: [newPseudonym()],
        // Generation 2 of a patient with none is not the next one: nothing is stored.
        issue_data_key: [newPseudonym(), 2, 1, Buffer.alloc(60)],
        erase_patient: [newPseudonym()],
        keys_to_rewrap: [1, '', 0, 1],
        rewrap_data_key: [newPseudonym(), 1, 1, Buffer.alloc(60), 2, Buffer.alloc(60)],
      };
      const params = args[name];
      return source.query(`SELECT * FROM ${keys.schema}.${name}(${params.map((_, i) => `$${i + 1}`).join(', ')})`, params);
    };
    const others = (right: keyof typeof PATIENT_KEY_FUNCTIONS) =>
      Object.entries(PATIENT_KEY_FUNCTIONS)
        .filter(([name]) => name !== right)
        .flatMap(([, functions]) => functions);

    it('a holder reads and issues through the functions, never the table, and may neither erase nor rotate', async () => {
      await expect(asHolder.query(`SELECT count(*) FROM ${table()}`)).rejects.toThrow('permission denied for table data_keys');
      await expect(asHolder.query(`UPDATE ${table()} SET wrapped = NULL`)).rejects.toThrow('permission denied for table data_keys');
      for (const signature of PATIENT_KEY_FUNCTIONS.holder) await expect(call(asHolder, signature)).resolves.toBeDefined();
      for (const signature of others('holder')) await expect(call(asHolder, signature)).rejects.toThrow('permission denied for function');
    });

    it('the eraser erases and cannot read a key', async () => {
      await expect(asEraser.query(`SELECT wrapped FROM ${table()}`)).rejects.toThrow('permission denied for table data_keys');
      await expect(call(asEraser, 'erase_patient(text)')).resolves.toEqual([{ known: false, destroyed: 0 }]);
      for (const signature of others('eraser')) await expect(call(asEraser, signature)).rejects.toThrow('permission denied for function');
    });

    it('the rotator re-wraps and does nothing else', async () => {
      await expect(asRotator.query(`SELECT wrapped FROM ${table()}`)).rejects.toThrow('permission denied for table data_keys');
      for (const signature of PATIENT_KEY_FUNCTIONS.rotator) await expect(call(asRotator, signature)).resolves.toBeDefined();
      for (const signature of others('rotator')) await expect(call(asRotator, signature)).rejects.toThrow('permission denied for function');
    });

    it('a role without grants cannot execute any function (nor reach the schema)', async () => {
      for (const signature of Object.values(PATIENT_KEY_FUNCTIONS).flat()) {
        await expect(call(asStranger, signature)).rejects.toThrow(`permission denied for schema ${keys.schema}`);
      }
    });

    it('every function is SECURITY DEFINER, owned by the owner role, with a fixed search_path, and not executable by PUBLIC', async () => {
      const functions = await admin.query(
        `SELECT p.proname AS name, p.prosecdef AS definer, p.proowner::regrole::text AS owner, p.proconfig AS config,
                has_function_privilege('public', p.oid, 'EXECUTE') AS public
           FROM pg_proc p WHERE p.pronamespace = $1::regnamespace ORDER BY 1`,
        [keys.schema],
      );
      expect(functions.map((f: { name: string }) => f.name)).toEqual(['data_keys_of', 'erase_patient', 'issue_data_key', 'keys_to_rewrap', 'rewrap_data_key']);
      for (const f of functions) expect(f).toMatchObject({ definer: true, owner: keys.roles.owner, config: ['search_path=pg_catalog, pg_temp'], public: false });
    });

    it('takes a right away when the grants no longer list the role', async () => {
      await keys.grant({ holders: [], erasers: [eraser.runtime] });
      try {
        await expect(call(asHolder, 'data_keys_of(text)')).rejects.toThrow(`permission denied for schema ${keys.schema}`);
        await expect(call(asEraser, 'erase_patient(text)')).resolves.toBeDefined();
      } finally {
        await keys.grant({ holders: [holder.runtime], erasers: [eraser.runtime] });
      }
      await expect(call(asHolder, 'data_keys_of(text)')).resolves.toBeDefined();
    });
  });

  it('rotates the master key: every live key re-wrapped once, data readable with the new version alone, a second run re-wraps nothing', async () => {
    const patients = [newPseudonym(), newPseudonym(), newPseudonym()];
    const written = await Promise.all(patients.map((p, i) => write(p, `rot${i}`, `patient ${i}`)));
    await erasePatient(patients[2]);
    const [{ live }] = await admin.query(`SELECT count(*)::int AS live FROM ${keys.schema}.data_keys WHERE destroyed_at IS NULL AND master_version <> 2`);
    expect(live).toBeGreaterThanOrEqual(2);

    const during = ConfiguredMasterKeyWrapper.fromConfig(`2:${K2},1:${K1}`);
    const batches: number[] = [];
    const first = await rotatePatientKeys(asRotator, during, { schema: keys.schema, batchSize: 2, onBatch: (o) => batches.push(o.rewrapped) });
    expect(first).toMatchObject({ masterVersion: 2, rewrapped: live, changedMeanwhile: 0 });
    expect(first.batches).toBe(Math.ceil(live / 2));
    expect(batches.at(-1)).toBe(live);
    expect(await rowsOf(patients[0])).toEqual([{ generation: 1, master_version: 2, gone: false, destroyed: false }]);
    expect(await rotatePatientKeys(asRotator, during, { schema: keys.schema })).toMatchObject({ rewrapped: 0, batches: 0 });

    const onlyNew = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`2:${K2}`), { schema: keys.schema });
    expect(await read(patients[0], 'rot0', written[0].token, onlyNew)).toBe('patient 0');
    expect(await read(patients[1], 'rot1', written[1].token, onlyNew)).toBe('patient 1');
    expect(await read(patients[2], 'rot2', written[2].token, onlyNew)).toBe(ERASED);
    const onlyOld = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`1:${K1}`), { schema: keys.schema });
    await expect(onlyOld.openerFor(patients[0])).rejects.toThrow('master key version 2 is not configured (configured versions: 1)');
  });

  it('re-wraps by compare-and-set: a key changed since it was read is left alone', async () => {
    const store = new PatientKeysStore(keys.schema);
    const patient = newPseudonym();
    const ring = new PgPatientKeyring(asHolder, ConfiguredMasterKeyWrapper.fromConfig(`3:${hex()}`), { schema: keys.schema });
    await write(patient, 'cas', 'x', ring);
    const [stale] = (await store.keysToRewrap(asRotator, 4, { pseudonym: patient, generation: 0 }, 1)).filter((k) => k.pseudonym === patient);
    expect(stale).toMatchObject({ pseudonym: patient, generation: 1, masterVersion: 3 });
    await erasePatient(patient);
    expect(await store.rewrap(asRotator, stale, { masterVersion: 4, wrapped: randomBytes(60) })).toBe(false);
    expect(await rowsOf(patient)).toEqual([{ generation: 1, master_version: 3, gone: true, destroyed: true }]);
  });
});
