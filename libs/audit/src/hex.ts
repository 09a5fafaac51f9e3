import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** Lowercase hex: how API.md writes every hash, signature and key id in JSON. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Strict decoding: a verifier must never accept a truncated or padded hash. */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw new TypeError('not a hex string of whole bytes');
  return hexToBytes(hex);
}

/** Constant-shape byte comparison (hashes are public: no timing concern). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
