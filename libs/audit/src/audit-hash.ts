import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry } from '@app/contracts';

/** `prevHash` of the first entry of a stream's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 (JCS) canonical JSON of an entry, UTF-8: the bytes everyone hashes. */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised to JSON');
  return Buffer.from(text, 'utf8');
}

/** SHA-256 of the entry's canonical bytes, lowercase hex: the link of the per-stream chain. */
export function hashAuditEntry(entry: AuditEntry): string {
  return createHash('sha256').update(canonicalBytes(entry)).digest('hex');
}
