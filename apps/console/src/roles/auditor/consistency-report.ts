import { verifyConsistency } from '@app/audit/merkle-verify';
import type { ConsistencyProofView, LedgerPublicKey, SignedTreeHead } from './ledger-api';
import { hashBytes, pathBytes } from './hash-bytes';
import { treeHeadReport } from './tree-head-report';

/** What the browser found about a consistency proof between two signed tree heads. */
export interface ConsistencyReport {
  from: number;
  to: number;
  /** Each head's own signature under the ledger key: the roots compared are the signed ones. */
  fromHeadSigned: boolean;
  toHeadSigned: boolean;
  /** The proof is the one asked for (its sizes are the heads'). */
  proofForHeads: boolean;
  /** RFC 9162 2.1.4.2: the old tree is a prefix of the new one. */
  proofValid: boolean;
  verified: boolean;
}

/**
 * A consistency proof checked against the two heads' signed roots, with
 * libs/audit: the history up to the older head was only appended to. The
 * heads are taken oldest first whatever the order they were chosen in.
 */
export function consistencyReport(a: SignedTreeHead, b: SignedTreeHead, proof: ConsistencyProofView, key: LedgerPublicKey): ConsistencyReport {
  const [older, newer] = a.treeSize <= b.treeSize ? [a, b] : [b, a];
  const fromHeadSigned = treeHeadReport(older, key).verified;
  const toHeadSigned = treeHeadReport(newer, key).verified;
  const proofForHeads = proof.from === older.treeSize && proof.to === newer.treeSize;
  const rootFrom = hashBytes(older.rootHash);
  const rootTo = hashBytes(newer.rootHash);
  const path = pathBytes(proof.path);
  const proofValid = rootFrom !== null && rootTo !== null && path !== null && verifyConsistency(older.treeSize, newer.treeSize, rootFrom, rootTo, path);
  return {
    from: older.treeSize,
    to: newer.treeSize,
    fromHeadSigned,
    toHeadSigned,
    proofForHeads,
    proofValid,
    verified: fromHeadSigned && toHeadSigned && proofForHeads && proofValid,
  };
}

/** Two sizes as the API takes them (`from` <= `to`), whatever order the auditor typed them in. */
export function orderedSizes(a: number, b: number): { from: number; to: number } {
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}
