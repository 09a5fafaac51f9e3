/**
 * A data key as `patient_keys` stores it: encrypted ("wrapped") under the
 * master key of `masterVersion`. The bytes are the wrapper's business (a KMS
 * returns its own blob).
 */
export interface WrappedDataKey {
  masterVersion: number;
  wrapped: Buffer;
}

/**
 * Wraps and unwraps data keys under versioned master keys: the configured
 * keys (ConfiguredMasterKeyWrapper), or a KMS that never lets them out.
 * `aad` (dataKeyAad) binds the wrapped key to its patient and generation.
 */
export interface MasterKeyWrapper {
  /** The version new data keys are wrapped under. */
  readonly currentVersion: number;
  wrap(dataKey: Buffer, aad: string): Promise<WrappedDataKey>;
  /** Throws UnknownMasterVersionError for a version it does not hold, CiphertextAuthenticationError for another patient's or generation's key. */
  unwrap(wrapped: WrappedDataKey, aad: string): Promise<Buffer>;
}

/**
 * The associated data of a wrapped data key: a wrapped key copied to another
 * patient's row, or to another generation, does not unwrap.
 */
export function dataKeyAad(pseudonym: string, generation: number): string {
  if (!/^[0-9a-f]{64}$/.test(pseudonym)) throw new Error('dataKeyAad: a pseudonym is 64 lowercase hex characters');
  assertGeneration(generation);
  return `patient-key:${pseudonym}:${generation}`;
}

/** Generations count from 1; Postgres holds them as integer. */
export function assertGeneration(generation: number): number {
  if (!Number.isInteger(generation) || generation < 1 || generation > 2_147_483_647) {
    throw new Error(`a data key generation is a positive integer; got ${generation}`);
  }
  return generation;
}
