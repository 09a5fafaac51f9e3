/**
 * A ciphertext that does not open under the key and associated data given: a
 * wrong key, a ciphertext moved to another row or field, or tampered bytes.
 * Never an erasure: an erased patient's ciphertext is recognised before any
 * key is tried (its generation has no key left).
 */
export class CiphertextAuthenticationError extends Error {
  override name = 'CiphertextAuthenticationError';
}

/** A wrapped data key names a master key version the configuration no longer (or not yet) holds. */
export class UnknownMasterVersionError extends Error {
  override name = 'UnknownMasterVersionError';

  constructor(
    readonly masterVersion: number,
    configured: readonly number[],
  ) {
    super(`master key version ${masterVersion} is not configured (configured versions: ${configured.join(', ') || 'none'})`);
  }
}
