import { AES_KEY_BYTES, gcmOpen, gcmSeal, IV_BYTES, TAG_BYTES } from './aes-gcm';
import type { MasterKeyWrapper, WrappedDataKey } from './master-key-wrapper';
import { type MasterKeyVersions, parseMasterKeys } from './master-keys';
import { CiphertextAuthenticationError, UnknownMasterVersionError } from './privacy-errors';

/**
 * The master keys of the configuration, AES-256-GCM. A wrapped key is
 * iv (12) || tag (16) || ciphertext (32). The version is part of the
 * associated data too, so a wrapped key relabelled with another version does
 * not unwrap even if two versions were given the same key by mistake.
 */
export class ConfiguredMasterKeyWrapper implements MasterKeyWrapper {
  readonly currentVersion: number;
  private readonly keys: ReadonlyMap<number, Buffer>;

  constructor(versions: MasterKeyVersions) {
    this.currentVersion = versions.current;
    this.keys = versions.keys;
  }

  static fromConfig(text: string): ConfiguredMasterKeyWrapper {
    return new ConfiguredMasterKeyWrapper(parseMasterKeys(text));
  }

  /** Configured versions, current first. */
  get versions(): number[] {
    return [...this.keys.keys()];
  }

  async wrap(dataKey: Buffer, aad: string): Promise<WrappedDataKey> {
    if (dataKey.length !== AES_KEY_BYTES) throw new Error(`a data key must be ${AES_KEY_BYTES} bytes; got ${dataKey.length}`);
    const version = this.currentVersion;
    const { iv, tag, ciphertext } = gcmSeal(this.keyOf(version), dataKey, boundAad(version, aad), 'master key');
    return { masterVersion: version, wrapped: Buffer.concat([iv, tag, ciphertext]) };
  }

  async unwrap({ masterVersion, wrapped }: WrappedDataKey, aad: string): Promise<Buffer> {
    const key = this.keyOf(masterVersion);
    if (wrapped.length !== IV_BYTES + TAG_BYTES + AES_KEY_BYTES) {
      throw new CiphertextAuthenticationError(`wrapped data key has ${wrapped.length} bytes, not ${IV_BYTES + TAG_BYTES + AES_KEY_BYTES}`);
    }
    const parts = {
      iv: wrapped.subarray(0, IV_BYTES),
      tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
      ciphertext: wrapped.subarray(IV_BYTES + TAG_BYTES),
    };
    return gcmOpen(key, parts, boundAad(masterVersion, aad), `wrapped data key (master version ${masterVersion})`);
  }

  private keyOf(version: number): Buffer {
    const key = this.keys.get(version);
    if (!key) throw new UnknownMasterVersionError(version, this.versions);
    return key;
  }
}

const boundAad = (version: number, aad: string): string => `master:${version}|${aad}`;
