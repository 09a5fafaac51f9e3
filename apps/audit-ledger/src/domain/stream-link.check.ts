import { GENESIS_HASH } from '@app/audit';
import type { AuditChainBrokenV1, ChainBreakReasonV1 } from '@app/contracts';

/** Where a stream's chain stood after the last entry the ledger recorded for it. */
export interface StreamHead {
  lastHash: string;
  lastVersion: number;
  lastIndex: number;
}

export type ChainFindingReason = ChainBreakReasonV1;

/**
 * Recorded with the entry (and raised as an alert, audit.alerts.v1): the entry
 * is kept, the break is named. `claimedHash` is the hash the publisher sent,
 * `computedHash` the SHA-256 of the entry's canonical bytes; `previousIndex`
 * the ledger index of the stream's previous entry, null for its first one.
 */
export type ChainFinding = Omit<AuditChainBrokenV1, 'entryId' | 'index'>;

export interface LinkInput {
  streamId: string;
  prevHash: string;
  streamVersion: number;
  claimedHash: string;
  computedHash: string;
}

/**
 * Checks one arriving entry against its stream's head. The first failing
 * reason is reported; whatever the outcome, the stream continues from this
 * entry's real hash, so one break is reported once, not for every later entry.
 */
export function checkStreamLink(input: LinkInput, head: StreamHead | undefined): ChainFinding | null {
  const expectedPrevHash = head?.lastHash ?? GENESIS_HASH;
  const finding = (reason: ChainFindingReason): ChainFinding => ({
    reason,
    streamId: input.streamId,
    claimedHash: input.claimedHash,
    computedHash: input.computedHash,
    expectedPrevHash,
    actualPrevHash: input.prevHash,
    previousIndex: head?.lastIndex ?? null,
  });
  if (input.claimedHash !== input.computedHash) return finding('HASH_MISMATCH');
  if (input.prevHash !== expectedPrevHash) return finding('PREV_HASH_MISMATCH');
  if (head && !(input.streamVersion >= head.lastVersion)) return finding('STREAM_VERSION_REGRESSION');
  return null;
}
