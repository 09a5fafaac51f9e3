import { randomBytes } from 'node:crypto';
import { ConfiguredMasterKeyWrapper } from './configured-master-keys';
import { newDataKeyBytes } from './data-key';
import { fieldAad } from './field-aad';
import { dataKeyAad } from './master-key-wrapper';
import { parseMasterKeys } from './master-keys';
import { decryptPersonalField, encryptPersonalField } from './personal-field';
import { CiphertextAuthenticationError, UnknownMasterVersionError } from './privacy-errors';

const hex = () => randomBytes(32).toString('hex');
const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

describe('master keys from the configuration', () => {
  it('reads versions in order, the first one current', () => {
    const [k2, k1] = [hex(), hex()];
    const versions = parseMasterKeys(` 2:${k2} , 1:${k1.toUpperCase()}`);
    expect(versions.current).toBe(2);
    expect([...versions.keys.keys()]).toEqual([2, 1]);
    expect(versions.keys.get(1)!.toString('hex')).toBe(k1);
  });

  it('names a bad entry without echoing key material', () => {
    const key = hex();
    expect(() => parseMasterKeys(`1:${key},2:${key.slice(2)}`)).toThrow('entry 2 must be <version>:<64 hex>');
    expect(() => parseMasterKeys(`0:${key}`)).toThrow('entry 1 must be');
    expect(() => parseMasterKeys(key)).toThrow('entry 1 must be');
    expect(() => parseMasterKeys(`1:${key},1:${hex()}`)).toThrow('version 1 appears twice');
    expect(() => parseMasterKeys(`1:${key},`)).toThrow('entry 2 must be');
    const message = (() => {
      try {
        parseMasterKeys(`1:${key}x`);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^entry 1 must be/);
    expect(message).not.toContain(key);
  });
});

describe('ConfiguredMasterKeyWrapper (envelope encryption)', () => {
  it('wraps under the current version and unwraps the same data key', async () => {
    const wrapper = ConfiguredMasterKeyWrapper.fromConfig(`7:${hex()},3:${hex()}`);
    const dataKey = newDataKeyBytes();
    const wrapped = await wrapper.wrap(dataKey, dataKeyAad(ALICE, 1));
    expect(wrapped.masterVersion).toBe(7);
    expect(wrapped.wrapped).toHaveLength(60);
    expect(wrapped.wrapped.includes(dataKey)).toBe(false);
    expect((await wrapper.unwrap(wrapped, dataKeyAad(ALICE, 1))).equals(dataKey)).toBe(true);
  });

  it("does not unwrap a key copied to another patient or another generation", async () => {
    const wrapper = ConfiguredMasterKeyWrapper.fromConfig(`1:${hex()}`);
    const wrapped = await wrapper.wrap(newDataKeyBytes(), dataKeyAad(ALICE, 1));
    await expect(wrapper.unwrap(wrapped, dataKeyAad(BOB, 1))).rejects.toThrow(CiphertextAuthenticationError);
    await expect(wrapper.unwrap(wrapped, dataKeyAad(ALICE, 2))).rejects.toThrow(CiphertextAuthenticationError);
  });

  it('names an unknown master version', async () => {
    const wrapper = ConfiguredMasterKeyWrapper.fromConfig(`2:${hex()},1:${hex()}`);
    const wrapped = await wrapper.wrap(newDataKeyBytes(), dataKeyAad(ALICE, 1));
    const unknown = wrapper.unwrap({ ...wrapped, masterVersion: 5 }, dataKeyAad(ALICE, 1));
    await expect(unknown).rejects.toThrow(UnknownMasterVersionError);
    await expect(wrapper.unwrap({ ...wrapped, masterVersion: 5 }, dataKeyAad(ALICE, 1))).rejects.toThrow(
      'master key version 5 is not configured (configured versions: 2, 1)',
    );
  });

  it('rotates: re-wrapped under a new version, old data stays readable, and only the new version is needed afterwards', async () => {
    const [k1, k2] = [hex(), hex()];
    const before = ConfiguredMasterKeyWrapper.fromConfig(`1:${k1}`);
    const dataKey = { generation: 1, key: newDataKeyBytes() };
    const stored = await before.wrap(dataKey.key, dataKeyAad(ALICE, 1));
    const aad = fieldAad('prescription:p1', 'patient.identity');
    const token = encryptPersonalField('184037512345690', dataKey, aad);

    // Step 1: the new version first, the old one kept to unwrap.
    const during = ConfiguredMasterKeyWrapper.fromConfig(`2:${k2},1:${k1}`);
    const rewrapped = await during.wrap(await during.unwrap(stored, dataKeyAad(ALICE, 1)), dataKeyAad(ALICE, 1));
    expect(rewrapped.masterVersion).toBe(2);
    expect(rewrapped.wrapped.equals(stored.wrapped)).toBe(false);

    // Step 2: the old version removed. The data itself was never re-encrypted.
    const after = ConfiguredMasterKeyWrapper.fromConfig(`2:${k2}`);
    const unwrapped = await after.unwrap(rewrapped, dataKeyAad(ALICE, 1));
    expect(decryptPersonalField(token, unwrapped, aad)).toBe('184037512345690');
    // What a backup kept of the key before rotation opens no more.
    await expect(after.unwrap(stored, dataKeyAad(ALICE, 1))).rejects.toThrow('master key version 1 is not configured');
  });

  it('refuses a relabelled version even when two versions share key material', async () => {
    const key = hex();
    const wrapper = ConfiguredMasterKeyWrapper.fromConfig(`2:${key},1:${key}`);
    const wrapped = await wrapper.wrap(newDataKeyBytes(), dataKeyAad(ALICE, 1));
    await expect(wrapper.unwrap({ ...wrapped, masterVersion: 1 }, dataKeyAad(ALICE, 1))).rejects.toThrow(CiphertextAuthenticationError);
  });
});
