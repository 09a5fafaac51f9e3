import type { AuditEntry } from '@app/contracts';
import { GENESIS_HASH, canonicalJson, hashAuditEntry } from './audit-hash';
import type { Ed25519SigningKey } from './ed25519-pem';
import { sealEntry } from './seal';

/** An entry of a stream's chain as stored: the entry and the hash recorded with it. */
export interface ChainedAuditEntry {
  entry: AuditEntry;
  hash: string;
}

/**
 * HASH_MISMATCH: the stored hash is not the entry's hash (the entry or the
 * hash was changed). PREV_HASH_MISMATCH: the entry does not point at the
 * previous entry's stored hash (an entry was removed, inserted or reordered).
 * STREAM_VERSION_REGRESSION: the stream version went backwards (an audit-only
 * step keeps the version and a step may append several events, so only a
 * decrease is a break). MALFORMED_ENTRY: not an object.
 */
export type ChainBreakReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'STREAM_VERSION_REGRESSION' | 'MALFORMED_ENTRY';

export type ChainVerification =
  | { ok: true }
  | { ok: false; brokenAt: { index: number; entryId: string; reason: ChainBreakReason } };

/**
 * Walks one stream's entries in chain order and names the FIRST broken one.
 * `previousHash` lets a caller verify a chain from a trusted checkpoint
 * instead of from the genesis.
 */
export function verifyChain(entries: readonly ChainedAuditEntry[], previousHash: string = GENESIS_HASH): ChainVerification {
  let prevHash = previousHash;
  let prevVersion = -Infinity;
  for (const [index, { entry, hash }] of entries.entries()) {
    const broken = (reason: ChainBreakReason): ChainVerification => ({
      ok: false,
      brokenAt: { index, entryId: String((entry as Partial<AuditEntry> | null)?.id ?? ''), reason },
    });
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return broken('MALFORMED_ENTRY');
    if (hashAuditEntry(entry) !== hash) return broken('HASH_MISMATCH');
    if (entry.prevHash !== prevHash) return broken('PREV_HASH_MISMATCH');
    if (!(entry.streamVersion >= prevVersion)) return broken('STREAM_VERSION_REGRESSION');
    prevHash = hash;
    prevVersion = entry.streamVersion;
  }
  return { ok: true };
}

/**
 * Seals a draft under the writer's key and links it to its chain: the chain
 * hash covers the entry with its seal. The entry is returned as its canonical
 * JSON parsed back, so what the caller stores (jsonb) and publishes is
 * exactly what was signed and hashed: undefined fields and Dates cannot make
 * a stored entry verify differently later.
 */
export function nextAuditEntry(draft: Omit<AuditEntry, 'prevHash' | 'seal'>, prevHash: string, signingKey: Ed25519SigningKey): ChainedAuditEntry {
  const unsealed = JSON.parse(canonicalJson({ ...draft, prevHash })) as Omit<AuditEntry, 'seal'>;
  const entry = sealEntry(unsealed, signingKey);
  return { entry, hash: hashAuditEntry(entry) };
}
