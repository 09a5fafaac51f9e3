import { AES_KEY_BYTES } from './aes-gcm';

/**
 * The master keys of the configuration (PATIENT_MASTER_KEYS):
 *
 *   <version>:<64 hex>[,<version>:<64 hex>...]
 *
 * The FIRST entry is the current version, the one new data keys are wrapped
 * under; the others only unwrap, until `rotate-keys` has re-wrapped every data
 * key and they are removed. Versions are positive integers (a Postgres integer).
 */
export const MASTER_KEYS_FORMAT = '<version>:<64 hex>[,<version>:<64 hex>...] (the first one wraps new keys)';

export interface MasterKeyVersions {
  readonly current: number;
  /** Every configured version, the current one included, in configuration order. */
  readonly keys: ReadonlyMap<number, Buffer>;
}

const ENTRY = /^([1-9][0-9]{0,9}):([0-9a-fA-F]{64})$/;
const MAX_VERSION = 2_147_483_647;

/** Throws an Error naming the bad entry (never its key material). */
export function parseMasterKeys(text: string): MasterKeyVersions {
  const entries = text.split(',').map((entry) => entry.trim());
  const keys = new Map<number, Buffer>();
  entries.forEach((entry, index) => {
    const match = ENTRY.exec(entry);
    const version = match ? Number(match[1]) : NaN;
    if (!match || version > MAX_VERSION) throw new Error(`entry ${index + 1} must be ${MASTER_KEYS_FORMAT}`);
    if (keys.has(version)) throw new Error(`version ${version} appears twice`);
    const key = Buffer.from(match[2], 'hex');
    if (key.length !== AES_KEY_BYTES) throw new Error(`entry ${index + 1} must hold ${AES_KEY_BYTES} bytes`);
    keys.set(version, key);
  });
  return { current: keys.keys().next().value as number, keys };
}
