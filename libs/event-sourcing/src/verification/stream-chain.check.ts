import { type ChainedAuditEntry, GENESIS_HASH, verifyChain } from '@app/audit';

export interface ChainBreak {
  index: number;
  /** Empty when the broken link is an entry that is no longer there. */
  entryId: string;
  /** verifyChain's reasons, or HEAD_MISMATCH: the chain does not end where the stream's recorded head says. */
  reason: string;
}

export type StreamChainVerification =
  | { ok: true; streamId: string; entries: number }
  | { ok: false; streamId: string; brokenAt: ChainBreak };

export interface ChainHead {
  hash: string | null;
  seq: number;
}

/**
 * One stream's chain against its recorded head. verifyChain catches edited,
 * inserted, removed or reordered entries; the head catches a truncated tail,
 * which a chain alone cannot see.
 */
export function checkStreamChain(streamId: string, chain: ChainedAuditEntry[], head: ChainHead): StreamChainVerification {
  const verification = verifyChain(chain);
  if (!verification.ok) return { ok: false, streamId, brokenAt: verification.brokenAt };
  const lastHash = chain.length > 0 ? chain[chain.length - 1].hash : GENESIS_HASH;
  if (lastHash !== (head.hash ?? GENESIS_HASH) || chain.length !== head.seq) {
    return { ok: false, streamId, brokenAt: { index: chain.length, entryId: '', reason: 'HEAD_MISMATCH' } };
  }
  return { ok: true, streamId, entries: chain.length };
}
