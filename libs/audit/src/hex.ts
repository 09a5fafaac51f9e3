/** Lowercase hex: how API.md writes every hash, signature and key id in JSON. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Strict decoding: Buffer.from(s, 'hex') silently stops at the first bad
 * character, which would let a verifier accept a truncated hash.
 */
export function fromHex(hex: string): Buffer {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw new TypeError('not a hex string of whole bytes');
  return Buffer.from(hex, 'hex');
}
