/** What a full verification found; `firstBreak` names the broken entry or node. */
export interface LedgerVerification {
  ok: boolean;
  treeSize: number;
  /** Root rebuilt from the rehashed entries, hex. */
  rebuiltRoot: string;
  signedRoot: string | null;
  signatureValid: boolean;
  firstBreak: LedgerBreak | null;
  /** Every mismatch found (capped), in the order found. */
  mismatches: LedgerBreak[];
}

export type LedgerBreak =
  | { kind: 'entry'; index: number; entryId: string; message: string }
  | { kind: 'node'; level: number; index: number; message: string }
  | { kind: 'tree-head'; treeSize: number; message: string };

export const MAX_MISMATCHES = 50;
