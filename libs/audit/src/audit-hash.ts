import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';
import type { AuditEntry } from '@app/contracts';
import { toHex } from './hex';

/** `prevHash` of the first entry of a stream's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 (JCS) canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised to JSON');
  return text;
}

/** RFC 8785 (JCS) canonical JSON of an entry, UTF-8: the bytes everyone hashes. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/** SHA-256 of the entry's canonical bytes (seal included), lowercase hex: the link of the per-stream chain. */
export function hashAuditEntry(entry: AuditEntry): string {
  return toHex(sha256(canonicalBytes(entry)));
}

/** SHA-256 of any bytes, lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}
