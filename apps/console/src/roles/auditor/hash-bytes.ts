import { fromHex } from '@app/audit/hex';

/**
 * A 32-byte hash from the API's lowercase hex, or null for anything else:
 * the answers checked here are untrusted, and a malformed one must read as
 * "not verified", never crash the screen.
 */
export function hashBytes(hex: unknown): Uint8Array | null {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return null;
  return fromHex(hex);
}

/** Every hash of a proof path, or null when one of them is not a hash. */
export function pathBytes(path: unknown): Uint8Array[] | null {
  if (!Array.isArray(path)) return null;
  const hashes = path.map(hashBytes);
  return hashes.every((h): h is Uint8Array => h !== null) ? hashes : null;
}
