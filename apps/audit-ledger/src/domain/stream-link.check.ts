import { GENESIS_HASH } from '@app/audit';

/** Where a stream's chain stood after the last entry the ledger recorded for it. */
export interface StreamHead {
  lastHash: string;
  lastVersion: number;
  lastIndex: number;
}

export type ChainFindingReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'STREAM_VERSION_REGRESSION';

/** Recorded with the entry (and raised as an alert): the entry is kept, the break is named. */
export interface ChainFinding {
  reason: ChainFindingReason;
  streamId: string;
  /** The hash the publisher sent with the entry, and the SHA-256 of the entry's canonical bytes. */
  claimedHash: string;
  computedHash: string;
  expectedPrevHash: string;
  actualPrevHash: string;
  /** Ledger index of the stream's previous entry, null for a stream's first one. */
  previousIndex: number | null;
}

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
